package com.northbridge.assistant.eval;

import java.util.List;
import java.util.Map;

import com.northbridge.assistant.chat.StubOpenAiServer;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The offline assistant evaluated with a faithfulness judge: the local OpenAI-compatible stub plays the judge. */
public class JudgeProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StubOpenAiServer.class, Map.of("serves", "judge")));
    }
}
