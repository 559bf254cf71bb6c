package com.northbridge.assistant.eval;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where suites live, where reports go, the business gates, the price table for cost estimates, the real
 * datasets measured as suites of their own, and the optional LLM judge of faithfulness.
 */
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

    Datasets datasets();

    Judge judge();

    /**
     * Real question sets written by others (banking77, ATEC), read in place from the shared datasets folder
     * and never copied into the repository; a suite whose files are absent is reported as skipped.
     */
    interface Datasets {
        /** The shared folder; the benchmarks' system property datasets.dir points it elsewhere. */
        @WithDefault("${datasets.dir:../shared/datasets}")
        Path dir();

        /** Our own files about those sets: which intent each banking77 category should get, the thresholds. */
        @WithDefault("evals/datasets")
        Path definitions();

        /** Queries per banking77 category, from its test split (40 each there). */
        @WithDefault("10")
        int banking77PerCategory();

        /** ATEC pairs, half labelled paraphrases and half not, from the held-out slice id % 5 = 0. */
        @WithDefault("300")
        int atecPairs();
    }

    /**
     * An OpenAI-compatible model that scores how faithful each cited answer is to its passages. Off unless
     * base-url is set; the key only from the environment (EVAL_JUDGE_API_KEY).
     */
    interface Judge {
        Optional<String> baseUrl();

        Optional<String> apiKey();

        @WithDefault("gpt-4o-mini")
        String modelName();

        @WithDefault("PT60S")
        Duration timeout();

        /** Retries of the judge call itself (429, 5xx, lost connections), by langchain4j. */
        @WithDefault("2")
        int maxRetries();

        /**
         * Where the judge's prompt is read: not the prompts under evaluation (--prompts), so that a prompt
         * variant is measured by the same judge as the prompts it is compared with.
         */
        @WithDefault("prompts")
        Path promptsDir();

        /** How many of the lowest-scoring answers the report lists. */
        @WithDefault("10")
        int lowest();
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
