package com.northbridge.assistant.bench;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service as in production, on a model that fails now and then ({@link FaultyModelStub}) and a database
 * of its own that the benchmark restarts ({@link PrivatePostgres}). Changed for the run: the model time-out is
 * 2 s (production 15 s) so that a run of a minute sees many time-outs, yellow turns are sampled at the
 * production rate, and the per-customer limit is lifted, since 32 virtual customers share the 24 demo
 * customers at full speed (the limit has its own tests).
 */
public class LoadAndFaultsBenchProfile implements QuarkusTestProfile {

    private static final String GUARD = "com.northbridge.assistant.chat.GuardedRemoteModel/chat/";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "assistant.model.timeout", "PT" + FaultyModelStub.SERVICE_TIMEOUT_MS / 1000 + "S",
                GUARD + "Timeout/value", String.valueOf(FaultyModelStub.SERVICE_TIMEOUT_MS + 1_000),
                GUARD + "Timeout/unit", "MILLIS",
                "review.yellow-sample-rate", "0.1",
                "guard.customer-turns-per-minute", "1000000");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PrivatePostgres.class), new TestResourceEntry(FaultyModelStub.class));
    }
}
