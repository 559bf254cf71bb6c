package com.northbridge.assistant.eval;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The evaluation suites' own database, as for {@code scripts/eval}: other tests book transfers, open cases
 * and hand conversations over for the same demo customers, and a suite's verdicts must not depend on which
 * tests ran before it.
 */
public class EvalSuitesProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:5432/bank_eval");
    }
}
