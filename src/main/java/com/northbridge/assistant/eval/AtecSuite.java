package com.northbridge.assistant.eval;

import static com.northbridge.assistant.eval.Banking77Suite.distribution;
import static com.northbridge.assistant.eval.Banking77Suite.share;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import com.northbridge.assistant.eval.EvalResults.DatasetResult;

/**
 * The ATEC 2018 question pairs (Ant Financial; no licence stated, so internal evaluation only): real Chinese
 * consumer-credit customer questions, each pair labelled as asking the same thing or not. Nobody labelled
 * them with our intents or documents, so what is measured is consistency: two phrasings of one question
 * should get the same intent and largely the same passages. Pairs that do not mean the same are reported
 * apart; they are topically close (same product), so their overlap is the baseline the paraphrases must beat.
 */
final class AtecSuite {

    static final String NAME = "atec";
    static final String FILE = "atec-antfin-question-pairs/atec_nlp_sim_train.tsv";
    static final List<String> METRICS = List.of("paraphrase-same-intent", "paraphrase-same-top1-document", "paraphrase-top5-document-jaccard",
            "paraphrase-same-evidence", "non-paraphrase-same-intent", "non-paraphrase-same-top1-document", "non-paraphrase-top5-document-jaccard",
            "non-paraphrase-same-evidence", "false-block-rate", "red-rate", "evidence-rate");
    private static final int EXAMPLES = 10;

    record Pair(int id, String first, String second, boolean paraphrase) {
    }

    record Observed(Pair pair, Probe first, Probe second) {
    }

    private AtecSuite() {
    }

    static boolean present(Path datasets) {
        return Files.isRegularFile(datasets.resolve(FILE));
    }

    /**
     * Half paraphrase pairs and half others from the slice the dataset's README holds out (id % 5 = 0), each
     * half in the order of a hash of the id: the same sample everywhere, spread over the file.
     */
    static List<Pair> sample(Path datasets, int pairs) {
        List<Pair> slice = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(datasets.resolve(FILE), StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f.length != 4 || !f[0].matches("\\d+") || !(f[3].equals("0") || f[3].equals("1"))) {
                    continue; // the header, or a line that is not a labelled pair
                }
                int id = Integer.parseInt(f[0]);
                if (id % 5 == 0 && !f[1].isBlank() && !f[2].isBlank()) {
                    slice.add(new Pair(id, f[1].strip(), f[2].strip(), f[3].equals("1")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + datasets.resolve(FILE), e);
        }
        Comparator<Pair> order = Comparator.comparingLong((Pair p) -> Banking77Suite.hash(Integer.toString(p.id()))).thenComparingInt(Pair::id);
        List<Pair> sample = new ArrayList<>();
        slice.stream().filter(Pair::paraphrase).sorted(order).limit(pairs / 2).forEach(sample::add);
        slice.stream().filter(p -> !p.paraphrase()).sorted(order).limit(pairs - pairs / 2).forEach(sample::add);
        return sample;
    }

    static DatasetResult measure(List<Observed> observed, String note) {
        List<Observed> paraphrases = observed.stream().filter(o -> o.pair().paraphrase()).toList();
        List<Observed> others = observed.stream().filter(o -> !o.pair().paraphrase()).toList();
        Map<String, Double> metrics = new LinkedHashMap<>();
        agreement(metrics, "paraphrase-", paraphrases);
        agreement(metrics, "non-paraphrase-", others);
        // Each distinct question once: some appear in several pairs.
        Map<String, Probe> questions = new LinkedHashMap<>();
        observed.forEach(o -> {
            questions.putIfAbsent(o.pair().first(), o.first());
            questions.putIfAbsent(o.pair().second(), o.second());
        });
        List<Map.Entry<String, Probe>> distinct = new ArrayList<>(questions.entrySet());
        metrics.put("false-block-rate", share(distinct, e -> e.getValue().refused()));
        metrics.put("red-rate", share(distinct, e -> e.getValue().risk().equals("red")));
        metrics.put("evidence-rate", share(distinct, e -> e.getValue().evidence()));

        Map<String, Map<String, Double>> breakdowns = new LinkedHashMap<>();
        breakdowns.put("routed intents", distribution(distinct.stream().map(e -> e.getValue().intent()).toList()));
        breakdowns.put("red reasons", distribution(distinct.stream().filter(e -> e.getValue().risk().equals("red"))
                .flatMap(e -> Banking77Suite.redReasons(e.getValue()).stream()).toList()));
        List<String> examples = new ArrayList<>();
        distinct.stream().filter(e -> e.getValue().refused()).limit(EXAMPLES)
                .forEach(e -> examples.add("refused " + e.getValue().reasons() + ": " + e.getKey()));
        paraphrases.stream().filter(o -> !o.first().intent().equals(o.second().intent())).limit(EXAMPLES)
                .forEach(o -> examples.add("paraphrases routed apart (" + o.first().intent() + " / " + o.second().intent() + "): "
                        + o.pair().first() + " | " + o.pair().second()));
        return new DatasetResult(NAME, DatasetResult.MEASURED, note, observed.size(), metrics, breakdowns, examples);
    }

    private static void agreement(Map<String, Double> metrics, String prefix, List<Observed> pairs) {
        metrics.put(prefix + "same-intent", share(pairs, o -> o.first().intent().equals(o.second().intent())));
        metrics.put(prefix + "same-top1-document", share(pairs, sameTopDocument()));
        metrics.put(prefix + "top5-document-jaccard", mean(pairs, o -> jaccard(o.first().topDocuments(5), o.second().topDocuments(5))));
        metrics.put(prefix + "same-evidence", share(pairs, o -> o.first().evidence() == o.second().evidence()));
    }

    private static Predicate<Observed> sameTopDocument() {
        return o -> !o.first().documents().isEmpty() && !o.second().documents().isEmpty()
                && o.first().documents().get(0).equals(o.second().documents().get(0));
    }

    /** |A ∩ B| / |A ∪ B|; two empty sets are the same set. */
    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        Set<String> either = new HashSet<>(a);
        either.addAll(b);
        return both.size() / (double) either.size();
    }

    private static <T> double mean(List<T> items, ToDoubleFunction<T> value) {
        return items.isEmpty() ? Double.NaN : items.stream().mapToDouble(value).average().orElse(Double.NaN);
    }
}
