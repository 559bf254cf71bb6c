package com.northbridge.assistant.eval;

import java.nio.file.Path;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where suites live, where reports go, the business gates and the price table for cost estimates. */
@ConfigMapping(prefix = "eval")
public interface EvalConfig {

    @WithDefault("evals/suites")
    Path suitesDir();

    @WithDefault("target/eval-reports")
    Path reportsDir();

    Gates gates();

    /** USD per 1,000 tokens by model name; a model without a price costs 0 (the offline engine). */
    Map<String, Price> prices();

    interface Price {
        double input();

        double output();
    }

    /** The bank's managers' gates, applied to every run over all its cases. */
    interface Gates {
        @WithDefault("0.95")
        double intentAccuracy();

        @WithDefault("0.85")
        double resolutionRate();

        @WithDefault("1.0")
        double redRecall();
    }
}
