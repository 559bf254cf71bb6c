package com.northbridge.assistant.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * The bench database, with yellow turns sampled into review at the production rate: the test profile samples
 * every one (to make sampling observable), which would add a review case to about one turn in five; and no
 * per-customer rate limit.
 */
public class TurnLoopBenchProfile extends BenchProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("review.yellow-sample-rate", "0.1");
        // A few demo customers send hundreds of turns a minute here; the per-customer limit (an abuse guard)
        // would answer most of them with 429 and the benchmark would time refusals, not turns.
        overrides.put("guard.customer-turns-per-minute", "1000000");
        // 64 slots at the global limit of 64: a slot that sends its next turn the moment the final event arrives
        // can find the previous turn's permit not yet returned.
        overrides.put("guard.max-concurrent-turns", "128");
        return overrides;
    }
}
