package com.northbridge.assistant.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * The bench database, with yellow turns sampled into review at the production rate: the test profile samples
 * every one (to make sampling observable), which would add a review case to about one turn in five.
 */
public class TurnLoopBenchProfile extends BenchProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("review.yellow-sample-rate", "0.1");
        return overrides;
    }
}
