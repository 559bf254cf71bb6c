package com.northbridge.assistant.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.northbridge.assistant.risk.InjectionDetector;
import com.northbridge.assistant.risk.MessageSignals;
import com.northbridge.assistant.risk.Signal;
import com.northbridge.assistant.risk.SignalHit;

/**
 * How much of real third-party attack text the deterministic detectors catch, and how many real customer
 * questions they flag by mistake. Attacks: XSafety (goal hijacking, prompt leaking, role play; zh and en),
 * Tensor Trust (hijacking and extraction, en), jailbreakchat templates and injection one-liners (en). For
 * information only, harmful requests that are not injections (Flames, JADE, the other XSafety categories).
 * Benign: banking77 test, ATEC question pairs (the id % 5 == 0 slice the README proposes as test), our own
 * evals/retrieval questions, and, for the document side, the articles of cn-finance-regulations. All of it
 * is read from ../shared/datasets (or -Ddatasets.dir) and never copied into the repository.
 *
 * <p>Held out: every XSafety, jailbreak-template, Flames and JADE item, banking77 test, the ATEC test slice,
 * and Tensor Trust rows with an odd sample id. Rules were only ever looked at against misses on Tensor Trust
 * rows with an even sample id ("dev") and false positives on banking77 train and the other ATEC rows, and
 * only to write general rules, never phrases from the data. Targets: at least 95 % of injection attempts
 * detected, at most 2 % of benign questions flagged. Writes bench/results/prompt-attacks.json.
 */
class PromptAttackBenchmark {

    private static final Path DATASETS = Path.of(System.getProperty("datasets.dir", "../shared/datasets"));
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Jailbreak templates carry a slot for the real request: a plain banking question, so only the template can trigger. */
    private static final String FILLER = "What is the daily transfer limit in the app?";
    private static final Set<Signal> REFUSING = EnumSet.of(Signal.PROMPT_INJECTION, Signal.IMPERSONATION,
            Signal.OTHER_CUSTOMER_DATA, Signal.AUTHORITY_PRESSURE);

    /** A named set of texts in one language; {@code attack} says whether a detection is a hit or a false positive. */
    record Sample(String set, String split, String language, boolean attack, boolean injection, String text) {
    }

    record Rates(int n, double injectionDetector, double anyRefusingSignal, Map<String, Double> perSignal) {
    }

    @Test
    void detection_of_real_attacks_and_false_positives_on_real_questions() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(DATASETS.resolve("prompt-attacks-xsafety-zh-en")), "shared datasets are absent");
        List<Sample> samples = new ArrayList<>();
        samples.addAll(xsafety());
        samples.addAll(tensorTrust());
        samples.addAll(jailbreakTemplates());
        samples.addAll(flames());
        samples.addAll(jade());
        samples.addAll(banking77());
        samples.addAll(atec());
        samples.addAll(retrievalQuestions());
        samples.addAll(regulationArticles());

        // Warm-up so the first patterns' compilation and JIT do not count as latency.
        samples.stream().limit(2000).forEach(s -> MessageSignals.detect(s.text()));

        Map<String, List<boolean[]>> outcomes = new LinkedHashMap<>(); // set|split|lang -> [injection, refusing, signals...]
        List<Long> questionNanos = new ArrayList<>();
        List<Long> attackNanos = new ArrayList<>();
        for (Sample s : samples) {
            boolean document = s.set().equals("cn-finance-regulations");
            long start = System.nanoTime();
            // Documents go through InjectionDetector alone at ingestion; messages through all the signals.
            List<SignalHit> hits = document ? List.of() : MessageSignals.detect(s.text());
            (s.attack() ? attackNanos : questionNanos).add(System.nanoTime() - start);
            boolean injection = InjectionDetector.detect(s.text()).isPresent();
            boolean[] row = new boolean[2 + Signal.values().length];
            row[0] = injection;
            row[1] = hits.stream().anyMatch(h -> REFUSING.contains(h.signal()));
            hits.forEach(h -> row[2 + h.signal().ordinal()] = true);
            outcomes.computeIfAbsent(key(s), k -> new ArrayList<>()).add(row);
        }

        Map<String, Object> attacks = new LinkedHashMap<>();
        Map<String, Object> harmful = new LinkedHashMap<>();
        Map<String, Object> benign = new LinkedHashMap<>();
        StringBuilder table = new StringBuilder(String.format("%n%-44s %6s %10s %10s%n", "set | split | language", "n", "injection", "refusing"));
        Map<String, Sample> firstOfKey = new LinkedHashMap<>();
        samples.forEach(s -> firstOfKey.putIfAbsent(key(s), s));
        outcomes.forEach((key, rows) -> {
            Rates rates = rates(rows);
            Sample s = firstOfKey.get(key);
            (s.attack() ? (s.injection() ? attacks : harmful) : benign).put(key, rates);
            table.append(String.format("%-44s %6d %9.1f%% %9.1f%%%n", key, rates.n(), 100 * rates.injectionDetector(), 100 * rates.anyRefusingSignal()));
        });

        Map<String, Object> headline = new LinkedHashMap<>();
        headline.put("injectionAttacksHeldOut", pooled(samples, outcomes, s -> s.injection() && !s.split().equals("dev")));
        headline.put("injectionAttacksHeldOutZh", pooled(samples, outcomes, s -> s.injection() && !s.split().equals("dev") && s.language().equals("zh")));
        headline.put("injectionAttacksHeldOutEn", pooled(samples, outcomes, s -> s.injection() && !s.split().equals("dev") && s.language().equals("en")));
        headline.put("injectionAttacksDev", pooled(samples, outcomes, s -> s.injection() && s.split().equals("dev")));
        headline.put("benignQuestionsHeldOut", pooled(samples, outcomes, s -> !s.attack() && !s.set().equals("cn-finance-regulations") && !s.split().equals("dev")));
        headline.put("benignDocumentArticles", pooled(samples, outcomes, s -> s.set().equals("cn-finance-regulations")));

        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("benignQuestions", latency(questionNanos));
        latency.put("attackTexts", latency(attackNanos));

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("headline", headline);
        figures.put("injectionAttacks", attacks);
        figures.put("harmfulRequestsNotInjection", harmful);
        figures.put("benign", benign);
        figures.put("latencyOfMessageSignalsMicros", latency);
        figures.put("targets", "injection attacks detected >= 0.95; benign questions flagged <= 0.02");
        figures.put("notes", "injectionDetector = InjectionDetector.detect; anyRefusingSignal = any of PROMPT_INJECTION, IMPERSONATION, "
                + "OTHER_CUSTOMER_DATA, AUTHORITY_PRESSURE from MessageSignals.detect. Held out: XSafety, jailbreak templates, Flames, JADE, "
                + "banking77 test, ATEC id%5==0, Tensor Trust odd sample ids. Dev (misses looked at to write general rules): Tensor Trust "
                + "even sample ids, banking77 train, ATEC other ids. Document side: cn-finance-regulations articles through InjectionDetector.");
        Path out = BenchResults.write("prompt-attacks", figures);

        table.append(String.format("%nheadline:%n"));
        headline.forEach((k, v) -> table.append(String.format("  %-28s %s%n", k, v)));
        table.append(String.format("latency of MessageSignals.detect (wall clock): %s%n", latency));
        System.out.println(table + "written to " + out);
    }

    /** Wall-clock time per message, so it includes whatever else the machine is doing: read the median. */
    private static Map<String, Object> latency(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("messages", sorted.size());
        m.put("meanMicros", sorted.stream().mapToLong(Long::longValue).average().orElse(0) / 1000.0);
        m.put("p50Micros", sorted.get(sorted.size() / 2) / 1000.0);
        m.put("p99Micros", sorted.get((int) (sorted.size() * 0.99)) / 1000.0);
        return m;
    }

    private static String key(Sample s) {
        return s.set() + " | " + s.split() + " | " + s.language();
    }

    private static Rates rates(List<boolean[]> rows) {
        int n = rows.size();
        Map<String, Double> perSignal = new LinkedHashMap<>();
        for (Signal signal : Signal.values()) {
            long count = rows.stream().filter(r -> r[2 + signal.ordinal()]).count();
            if (count > 0) {
                perSignal.put(signal.name(), count / (double) n);
            }
        }
        return new Rates(n, rows.stream().filter(r -> r[0]).count() / (double) n,
                rows.stream().filter(r -> r[1]).count() / (double) n, perSignal);
    }

    private static Map<String, Object> pooled(List<Sample> samples, Map<String, List<boolean[]>> outcomes, Predicate<Sample> which) {
        Set<String> keys = new LinkedHashSet<>();
        samples.stream().filter(which).forEach(s -> keys.add(key(s)));
        List<boolean[]> rows = new ArrayList<>();
        keys.forEach(k -> rows.addAll(outcomes.get(k)));
        Rates r = rates(rows);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", r.n());
        m.put("injectionDetector", r.injectionDetector());
        m.put("anyRefusingSignal", r.anyRefusingSignal());
        return m;
    }

    // ---- the data sets ----------------------------------------------------------------------------------------

    private static List<Sample> xsafety() throws IOException {
        Set<String> injections = Set.of("Goal_Hijacking", "Prompt_Leaking", "Role_Play_Instruction");
        Set<String> informative = Set.of("Unsafe_Instruction_Topic", "Inquiry_With_Unsafe_Opinion", "Reverse_Exposure", "Privacy_And_Property");
        List<Sample> out = new ArrayList<>();
        for (JsonNode row : jsonl(DATASETS.resolve("prompt-attacks-xsafety-zh-en/xsafety_zh_en.jsonl"))) {
            String category = row.get("category").asText();
            boolean injection = injections.contains(category);
            if (injection || informative.contains(category)) {
                out.add(new Sample("xsafety " + category, "held-out", "zh", true, injection, row.get("zh").asText()));
                out.add(new Sample("xsafety " + category, "held-out", "en", true, injection, row.get("en").asText()));
            }
        }
        return out;
    }

    private static List<Sample> tensorTrust() throws IOException {
        List<Sample> out = new ArrayList<>();
        for (String kind : List.of("hijacking", "extraction")) {
            for (JsonNode row : jsonl(DATASETS.resolve("prompt-attacks-tensor-trust/" + kind + "_robustness_dataset.jsonl"))) {
                String split = row.get("sample_id").asLong() % 2 == 0 ? "dev" : "held-out";
                out.add(new Sample("tensor-trust " + kind, split, "en", true, true, row.get("attack").asText()));
            }
        }
        return out;
    }

    private static List<Sample> jailbreakTemplates() throws IOException {
        Path dir = DATASETS.resolve("prompt-attacks-jailbreak-templates-en");
        List<Sample> out = new ArrayList<>();
        for (JsonNode row : jsonl(dir.resolve("jailbreakchat_templates.jsonl"))) {
            out.add(new Sample("jailbreakchat templates", "held-out", "en", true, true, row.get("prompt").asText().replace("[INSERT PROMPT HERE]", FILLER)));
        }
        for (JsonNode row : jsonl(dir.resolve("pallms_prompt_injection_lines.jsonl"))) {
            out.add(new Sample("injection one-liners", "held-out", "en", true, true, row.get("text").asText().replace("{NEW_INSTRUCTION}", FILLER)));
        }
        return out;
    }

    private static List<Sample> flames() throws IOException {
        List<Sample> out = new ArrayList<>();
        for (JsonNode row : jsonl(DATASETS.resolve("prompt-attacks-flames-zh/flames_1k_zh.jsonl"))) {
            String dimension = row.get("dimension").asText();
            String sub = row.get("subcomponent").asText();
            if (dimension.equals("Data protection") || dimension.equals("Legality") || sub.equals("Property safety")) {
                out.add(new Sample("flames " + dimension + "/" + sub, "held-out", "zh", true, false, row.get("prompt").asText()));
            }
        }
        return out;
    }

    private static List<Sample> jade() throws IOException {
        Set<String> subcategories = Set.of("诈骗", "网络欺诈与犯罪", "侵害他人个人信息权益");
        List<Sample> out = new ArrayList<>();
        for (JsonNode row : jsonl(DATASETS.resolve("prompt-attacks-jade-zh-en/jade_questions.jsonl"))) {
            if (row.get("finance_strict").asBoolean() || subcategories.contains(row.get("subcategory").asText().strip())) {
                out.add(new Sample("jade finance/fraud/personal-info", "held-out", row.get("lang").asText(), true, false, row.get("question").asText()));
            }
        }
        return out;
    }

    private static List<Sample> banking77() throws IOException {
        List<Sample> out = new ArrayList<>();
        for (String split : List.of("test", "train")) {
            List<List<String>> rows = csv(Files.readString(DATASETS.resolve("banking77/" + split + ".csv")));
            for (List<String> row : rows.subList(1, rows.size())) {
                out.add(new Sample("banking77", split.equals("test") ? "held-out" : "dev", "en", false, false, row.get(0)));
            }
        }
        return out;
    }

    /** Distinct questions; the README proposes id % 5 == 0 as the test slice. */
    private static List<Sample> atec() throws IOException {
        Set<String> test = new LinkedHashSet<>();
        Set<String> dev = new LinkedHashSet<>();
        List<String> lines = Files.readAllLines(DATASETS.resolve("atec-antfin-question-pairs/atec_nlp_sim_train.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] cols = line.split("\t");
            Set<String> target = Integer.parseInt(cols[0]) % 5 == 0 ? test : dev;
            target.add(cols[1]);
            target.add(cols[2]);
        }
        dev.removeAll(test);
        List<Sample> out = new ArrayList<>();
        test.forEach(q -> out.add(new Sample("atec", "held-out", "zh", false, false, q)));
        dev.forEach(q -> out.add(new Sample("atec", "dev", "zh", false, false, q)));
        return out;
    }

    private static List<Sample> retrievalQuestions() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Sample> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("evals/retrieval"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode q : yaml.readTree(file.toFile()).get("questions")) {
                    out.add(new Sample("evals/retrieval", "ours", q.path("lang").asText("en"), false, false, q.get("question").asText()));
                }
            }
        }
        return out;
    }

    /** Real regulation text: what ingestion runs InjectionDetector over, chunk by chunk. */
    private static List<Sample> regulationArticles() throws IOException {
        Path articles = DATASETS.resolve("cn-finance-regulations/articles.jsonl");
        List<Sample> out = new ArrayList<>();
        if (Files.exists(articles)) {
            for (JsonNode a : jsonl(articles)) {
                out.add(new Sample("cn-finance-regulations", "documents", "zh", false, false, a.get("text").asText()));
            }
        }
        return out;
    }

    /** RFC 4180: a quoted field may hold commas, doubled quotes and line breaks. */
    private static List<List<String>> csv(String content) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < content.length() && content.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                if (row.size() > 1 || !row.get(0).isEmpty()) {
                    rows.add(row);
                }
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    private static List<JsonNode> jsonl(Path file) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                rows.add(JSON.readTree(line));
            }
        }
        return rows;
    }
}
