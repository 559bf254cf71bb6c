package com.northbridge.assistant.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import com.northbridge.assistant.eval.EvalResults.DatasetResult;

/**
 * The suites over real datasets nobody here wrote: banking77 and the ATEC pairs, read in place from the
 * shared datasets folder (never copied into the repository) and measured through {@link QuestionProbe}.
 * Absent files make a suite "skipped", never failed: a machine without the shared folder still runs evals.
 */
@ApplicationScoped
public class DatasetSuites {

    public static final List<String> NAMES = List.of(Banking77Suite.NAME, AtecSuite.NAME);
    private static final int PROGRESS_EVERY = 100;

    private final QuestionProbe probe;
    private final EvalConfig.Datasets config;

    public DatasetSuites(QuestionProbe probe, EvalConfig config) {
        this.probe = probe;
        this.config = config.datasets();
    }

    /** Our definition of a dataset suite, checked before anything runs (thresholds only on metrics it has). */
    public static DatasetDefinition definition(Path definitions, String name) {
        Path file = definitions.resolve(name + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw new SuiteLoader.MalformedSuite(file, 0, "", "no definition of the dataset suite " + name);
        }
        DatasetDefinition definition = SuiteLoader.read(file, DatasetDefinition.class);
        if (!definition.suite().equals(name)) {
            throw new SuiteLoader.MalformedSuite(file, 1, "suite", "the suite id must equal the file name (" + name + ")");
        }
        List<String> metrics = name.equals(Banking77Suite.NAME) ? Banking77Suite.METRICS : AtecSuite.METRICS;
        for (String metric : definition.thresholds().keySet()) {
            if (!metrics.contains(metric)) {
                throw new SuiteLoader.MalformedSuite(file, 0, "thresholds." + metric, "unknown metric; known: " + metrics);
            }
        }
        if (name.equals(Banking77Suite.NAME) && definition.categories().isEmpty()) {
            throw new SuiteLoader.MalformedSuite(file, 0, "categories", "banking77 needs the intent of every category");
        }
        return definition;
    }

    public DatasetResult run(DatasetDefinition definition, Consumer<String> progress) {
        return run(config.dir(), definition, progress);
    }

    /** Why a suite cannot run here (its files are not in {@code datasets}), or empty when it can. */
    static Optional<String> absence(Path datasets, String suite) {
        boolean present = suite.equals(Banking77Suite.NAME) ? Banking77Suite.present(datasets) : AtecSuite.present(datasets);
        String files = suite.equals(Banking77Suite.NAME) ? "banking77/categories.json and test.csv" : AtecSuite.FILE;
        return present ? Optional.empty()
                : Optional.of(files + " not found in " + datasets.toAbsolutePath().normalize() + " (set eval.datasets.dir or -Ddatasets.dir)");
    }

    /** One suite over the datasets in {@code datasets}; skipped when its files are not there. */
    public DatasetResult run(Path datasets, DatasetDefinition definition, Consumer<String> progress) {
        Optional<String> absent = absence(datasets, definition.suite());
        if (absent.isPresent()) {
            return DatasetResult.skipped(definition.suite(), absent.get());
        }
        if (definition.suite().equals(Banking77Suite.NAME)) {
            Banking77Suite.checkMapping(definition, Banking77Suite.categories(datasets), config.definitions().resolve(Banking77Suite.NAME + ".yaml"));
            List<Banking77Suite.Query> sample = Banking77Suite.sample(datasets, config.banking77PerCategory());
            List<Banking77Suite.Observed> observed = new ArrayList<>();
            for (Banking77Suite.Query q : sample) {
                observed.add(new Banking77Suite.Observed(q, probe.probe(q.text())));
                tick(progress, Banking77Suite.NAME, observed.size(), sample.size());
            }
            String note = String.format(Locale.ROOT, "%d test.csv queries (%d per category, by a hash of the text) of banking77 (PolyAI, CC BY 4.0)",
                    sample.size(), config.banking77PerCategory());
            return Banking77Suite.measure(definition, observed, note);
        }
        List<AtecSuite.Pair> sample = AtecSuite.sample(datasets, config.atecPairs());
        Map<String, Probe> seen = new LinkedHashMap<>();
        List<AtecSuite.Observed> observed = new ArrayList<>();
        for (AtecSuite.Pair pair : sample) {
            observed.add(new AtecSuite.Observed(pair, seen.computeIfAbsent(pair.first(), probe::probe), seen.computeIfAbsent(pair.second(), probe::probe)));
            tick(progress, AtecSuite.NAME, observed.size(), sample.size());
        }
        long paraphrases = sample.stream().filter(AtecSuite.Pair::paraphrase).count();
        String note = String.format(Locale.ROOT, "%d pairs (%d paraphrases, %d not) from the held-out slice id %% 5 = 0 of the ATEC 2018 pairs"
                + " (Ant Financial; internal evaluation only)", sample.size(), paraphrases, sample.size() - paraphrases);
        return AtecSuite.measure(observed, note);
    }

    private static void tick(Consumer<String> progress, String suite, int done, int total) {
        if (done % PROGRESS_EVERY == 0 || done == total) {
            progress.accept(String.format(Locale.ROOT, "[%4d/%d] %s", done, total, suite));
        }
    }
}
