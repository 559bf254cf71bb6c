package com.northbridge.assistant.bench;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Benchmarks run against their own database, so generated data never mixes with tests or the demo. */
public class BenchProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:5432/bank_bench");
    }
}
