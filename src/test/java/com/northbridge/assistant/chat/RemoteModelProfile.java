package com.northbridge.assistant.chat;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The service on an OpenAI-compatible model (the stub), with fault-tolerance limits short enough for tests. */
public class RemoteModelProfile implements QuarkusTestProfile {

    private static final String GUARD = "com.northbridge.assistant.chat.GuardedRemoteModel/chat/";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "assistant.model.timeout", "PT2S",
                GUARD + "Timeout/value", "3000",
                GUARD + "Timeout/unit", "MILLIS",
                GUARD + "Retry/delay", "10",
                GUARD + "Retry/jitter", "0",
                GUARD + "CircuitBreaker/requestVolumeThreshold", "4",
                GUARD + "CircuitBreaker/delay", "60000");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StubOpenAiServer.class));
    }
}
