package com.northbridge.assistant.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.zip.CRC32;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.northbridge.assistant.eval.EvalResults.DatasetResult;
import com.northbridge.assistant.risk.RiskLevel;
import com.northbridge.assistant.risk.RiskReason;
import com.northbridge.assistant.text.Csv;

/**
 * banking77 (PolyAI, Casanueva et al. 2020, CC BY 4.0): real English online-banking queries, 77 labels.
 * Our evals/datasets/banking77.yaml says which of our intents each label should be routed to and which of
 * our documents answer it; a deterministic sample of the test split is measured against that: intent
 * routing, the gate's false blocks on these benign questions, and whether retrieval finds the right
 * document (or, for topics our documents do not cover, no evidence at all).
 */
final class Banking77Suite {

    static final String NAME = "banking77";
    static final List<String> METRICS = List.of("intent-accuracy", "routed-to-transfer", "false-block-rate", "red-rate", "evidence-rate",
            "document-hit@1", "document-hit@5", "no-evidence-when-uncovered");
    private static final int EXAMPLES = 12;

    record Query(String text, String category) {
    }

    record Observed(Query query, Probe probe) {
    }

    private Banking77Suite() {
    }

    static Path folder(Path datasets) {
        return datasets.resolve("banking77");
    }

    static boolean present(Path datasets) {
        return Files.isRegularFile(folder(datasets).resolve("categories.json")) && Files.isRegularFile(folder(datasets).resolve("test.csv"));
    }

    static List<String> categories(Path datasets) {
        try {
            return new ObjectMapper().readValue(folder(datasets).resolve("categories.json").toFile(), new TypeReference<List<String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read banking77's categories.json", e);
        }
    }

    /** Every label of the dataset mapped, and nothing mapped that the dataset does not have. */
    static void checkMapping(DatasetDefinition definition, List<String> categories, Path file) {
        TreeSet<String> missing = new TreeSet<>(categories);
        missing.removeAll(definition.categories().keySet());
        TreeSet<String> unknown = new TreeSet<>(definition.categories().keySet());
        categories.forEach(unknown::remove);
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new SuiteLoader.MalformedSuite(file, 0, "categories", (missing.isEmpty() ? "" : "no intent for " + missing + " ")
                    + (unknown.isEmpty() ? "" : "not banking77 categories: " + unknown));
        }
    }

    /**
     * The first {@code perCategory} queries of each label of test.csv in the order of a hash of their text:
     * the same sample on every machine and every run, spread over the file rather than its first rows.
     */
    static List<Query> sample(Path datasets, int perCategory) {
        Map<String, List<Query>> byCategory = new TreeMap<>();
        for (List<String> row : csv(folder(datasets).resolve("test.csv"))) {
            if (row.size() == 2 && !(row.get(0).equals("text") && row.get(1).equals("category"))) {
                byCategory.computeIfAbsent(row.get(1), k -> new ArrayList<>()).add(new Query(row.get(0), row.get(1)));
            }
        }
        List<Query> sample = new ArrayList<>();
        byCategory.values().forEach(queries -> queries.stream()
                .sorted(Comparator.comparingLong((Query q) -> hash(q.text())).thenComparing(Query::text))
                .limit(perCategory).forEach(sample::add));
        return sample;
    }

    static long hash(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /** RFC 4180: fields separated by commas, quoted when they hold commas, quotes ("") or line breaks. */
    static List<List<String>> csv(Path file) {
        try {
            return Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    static DatasetResult measure(DatasetDefinition definition, List<Observed> observed, String note) {
        Predicate<Observed> routedWell = o -> definition.categories().get(o.query().category()).intents().contains(o.probe().intent());
        List<Observed> covered = observed.stream().filter(o -> !documents(definition, o).isEmpty()).toList();
        List<Observed> uncovered = observed.stream().filter(o -> documents(definition, o).isEmpty()).toList();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("intent-accuracy", share(observed, routedWell));
        metrics.put("routed-to-transfer", share(observed, o -> o.probe().intent().equals("transfer")));
        metrics.put("false-block-rate", share(observed, o -> o.probe().refused()));
        metrics.put("red-rate", share(observed, o -> o.probe().risk().equals("red")));
        metrics.put("evidence-rate", share(observed, o -> o.probe().evidence()));
        metrics.put("document-hit@1", share(covered, o -> o.probe().evidence() && o.probe().hits(documents(definition, o), 1)));
        metrics.put("document-hit@5", share(covered, o -> o.probe().evidence() && o.probe().hits(documents(definition, o), 5)));
        metrics.put("no-evidence-when-uncovered", share(uncovered, o -> !o.probe().evidence()));

        Map<String, List<Observed>> byCategory = new TreeMap<>();
        observed.forEach(o -> byCategory.computeIfAbsent(o.query().category(), k -> new ArrayList<>()).add(o));
        Map<String, Double> accuracyByCategory = new LinkedHashMap<>();
        byCategory.entrySet().stream().sorted(Comparator.comparingDouble((Map.Entry<String, List<Observed>> e) -> share(e.getValue(), routedWell))
                .thenComparing(Map.Entry::getKey)).forEach(e -> accuracyByCategory.put(e.getKey(), share(e.getValue(), routedWell)));
        Map<String, Map<String, Double>> breakdowns = new LinkedHashMap<>();
        breakdowns.put("routed intents", distribution(observed.stream().map(o -> o.probe().intent()).toList()));
        breakdowns.put("intent accuracy by category, worst first", accuracyByCategory);
        breakdowns.put("red reasons", distribution(observed.stream().filter(o -> o.probe().risk().equals("red"))
                .flatMap(o -> redReasons(o.probe()).stream()).toList()));

        List<String> examples = new ArrayList<>();
        observed.stream().filter(o -> o.probe().refused()).limit(EXAMPLES)
                .forEach(o -> examples.add("refused " + o.probe().reasons() + " (" + o.query().category() + "): " + o.query().text()));
        observed.stream().filter(routedWell.negate()).limit(EXAMPLES)
                .forEach(o -> examples.add("routed to " + o.probe().intent() + " (" + o.query().category() + "): " + o.query().text()));
        covered.stream().filter(o -> !(o.probe().evidence() && o.probe().hits(documents(definition, o), 5))).limit(EXAMPLES)
                .forEach(o -> examples.add("no passage of " + documents(definition, o) + " (" + o.query().category() + "): " + o.query().text()));
        return new DatasetResult(NAME, DatasetResult.MEASURED, note, observed.size(), metrics, breakdowns, examples);
    }

    private static List<String> documents(DatasetDefinition definition, Observed o) {
        return definition.categories().get(o.query().category()).documents();
    }

    /** The reasons that made a question red (a red turn may carry yellow reasons too). */
    static List<String> redReasons(Probe probe) {
        return probe.reasons().stream().filter(r -> RiskReason.fromCode(r).level() == RiskLevel.RED).toList();
    }

    static <T> double share(List<T> items, Predicate<T> good) {
        return items.isEmpty() ? Double.NaN : items.stream().filter(good).count() / (double) items.size();
    }

    /** Each value's share of the list, most frequent first. */
    static Map<String, Double> distribution(List<String> values) {
        Map<String, Long> counts = new TreeMap<>();
        values.forEach(v -> counts.merge(v, 1L, Long::sum));
        Map<String, Double> shares = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> shares.put(e.getKey(), e.getValue() / (double) values.size()));
        return shares;
    }
}
