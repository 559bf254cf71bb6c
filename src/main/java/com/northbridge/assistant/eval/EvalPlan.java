package com.northbridge.assistant.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run will measure: YAML suites of evals/suites and suites over real datasets, both named the same
 * way ("transfers", "banking77"). No names means everything; a malformed file is refused before anything runs.
 */
public record EvalPlan(List<EvalSuite> suites, List<DatasetDefinition> datasets) {

    public static EvalPlan of(EvalConfig config, List<String> names) {
        List<String> yaml = names.stream().filter(n -> !DatasetSuites.NAMES.contains(n)).toList();
        List<String> datasets = names.isEmpty() ? DatasetSuites.NAMES : names.stream().filter(DatasetSuites.NAMES::contains).distinct().toList();
        // Naming only dataset suites runs no YAML suite (loadAll with no names would load them all).
        List<EvalSuite> suites = names.isEmpty() || !yaml.isEmpty() ? SuiteLoader.loadAll(config.suitesDir(), yaml) : List.of();
        List<DatasetDefinition> definitions = new ArrayList<>();
        for (String name : datasets) {
            definitions.add(DatasetSuites.definition(config.datasets().definitions(), name));
        }
        return new EvalPlan(suites, definitions);
    }

    public List<String> names() {
        List<String> all = new ArrayList<>(suites.stream().map(EvalSuite::suite).toList());
        datasets.forEach(d -> all.add(d.suite()));
        return all;
    }
}
