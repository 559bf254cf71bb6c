package com.northbridge.assistant.eval;

import java.util.List;
import java.util.Map;

/**
 * Our own file about a real dataset, evals/datasets/NAME.yaml: what the suite is, its thresholds (each a
 * minimum or a maximum of one of its metrics), and for a labelled set which of our intents each of its
 * labels should be routed to and which of our documents answer it. The dataset itself stays where it is.
 */
public record DatasetDefinition(String suite, String description, Map<String, Threshold> thresholds, Map<String, Category> categories) {

    public DatasetDefinition {
        EvalSuite.require(suite != null && suite.matches("[a-z0-9-]+"), "suite is a lower-case id such as banking77");
        EvalSuite.require(description != null && !description.isBlank(), "say in a description what the suite measures");
        thresholds = thresholds == null ? Map.of() : thresholds;
        categories = categories == null ? Map.of() : categories;
    }

    /** A gate on one metric: at least {@code min}, or at most {@code max}. */
    public record Threshold(Double min, Double max) {
        public Threshold {
            EvalSuite.require(min == null ^ max == null, "a threshold is either min or max");
            double value = min != null ? min : max;
            EvalSuite.require(value >= 0 && value <= 1, "a threshold is a share between 0 and 1");
        }

        boolean met(double actual) {
            // A metric the run could not measure (NaN) does not fail its gate, as for the YAML suites.
            return Double.isNaN(actual) || (min != null ? actual >= min - 1e-9 : actual <= max + 1e-9);
        }

        double value() {
            return min != null ? min : max;
        }
    }

    /**
     * The intents a message with this label may honestly get (more than one where the label itself is
     * ambiguous) and the documents of our corpus that answer it (empty: our documents do not cover it).
     */
    public record Category(List<String> intents, List<String> documents) {
        public Category {
            EvalSuite.require(intents != null && !intents.isEmpty(), "a category needs at least one acceptable intent");
            for (String intent : intents) {
                EvalSuite.require(EvalSuite.INTENTS.contains(intent), "intent must be one of " + EvalSuite.INTENTS);
            }
            documents = documents == null ? List.of() : documents;
        }
    }

    /** The gates of this suite over what it measured. */
    List<EvalResults.Gate> gates(Map<String, Double> metrics) {
        return thresholds.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(t -> {
            double actual = metrics.getOrDefault(t.getKey(), Double.NaN);
            String name = t.getKey() + (t.getValue().min() != null ? " (at least)" : " (at most)");
            return new EvalResults.Gate(suite, name, t.getValue().value(), actual, t.getValue().met(actual));
        }).toList();
    }
}
