package com.northbridge.assistant.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import com.northbridge.assistant.text.Csv;

/**
 * The third-party attack sets and the real customer questions of ../shared/datasets (or -Ddatasets.dir), read
 * where they lie and never copied into the repository. Each text becomes a {@link Sample} of a named set, a
 * split (held-out, dev, ours, documents) and a language.
 */
final class AttackSets {

    static final Path DATASETS = Path.of(System.getProperty("datasets.dir", "../shared/datasets"));
    /** Jailbreak templates carry a slot for the real request: a plain banking question, so only the template can trigger. */
    static final String FILLER = "What is the daily transfer limit in the app?";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A named set of texts in one language; {@code attack} says whether a detection is a hit or a false positive,
     * {@code injection} whether it is an attempt on the assistant's instructions (rather than a harmful request).
     * {@code id} is the row's own id in its file; {@code secret} the Tensor Trust defender's access code, if any.
     */
    record Sample(String set, String split, String language, boolean attack, boolean injection, String text, String id, String secret) {

        Sample(String set, String split, String language, boolean attack, boolean injection, String text) {
            this(set, split, language, attack, injection, text, null, null);
        }

        String key() {
            return set + " | " + split + " | " + language;
        }
    }

    private AttackSets() {
    }

    static boolean present() {
        return Files.isDirectory(DATASETS.resolve("prompt-attacks-xsafety-zh-en"));
    }

    static List<Sample> all() throws IOException {
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
        return samples;
    }

    /**
     * At most {@code perKey} samples of each set, split and language, the same ones every run: each set is shuffled
     * with a seed of its name and split only, so the Chinese and English rows of a parallel set stay the same rows.
     */
    static List<Sample> sample(List<Sample> samples, int perKey) {
        Map<String, List<Sample>> byKey = new LinkedHashMap<>();
        samples.forEach(s -> byKey.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s));
        List<Sample> out = new ArrayList<>();
        byKey.values().forEach(rows -> {
            List<Sample> shuffled = new ArrayList<>(rows);
            Collections.shuffle(shuffled, new Random(42L + (rows.get(0).set() + rows.get(0).split()).hashCode()));
            out.addAll(shuffled.subList(0, Math.min(perKey, shuffled.size())));
        });
        return out;
    }

    private static List<Sample> xsafety() throws IOException {
        Set<String> injections = Set.of("Goal_Hijacking", "Prompt_Leaking", "Role_Play_Instruction");
        Set<String> informative = Set.of("Unsafe_Instruction_Topic", "Inquiry_With_Unsafe_Opinion", "Reverse_Exposure", "Privacy_And_Property");
        List<Sample> out = new ArrayList<>();
        for (JsonNode row : jsonl(DATASETS.resolve("prompt-attacks-xsafety-zh-en/xsafety_zh_en.jsonl"))) {
            String category = row.get("category").asText();
            boolean injection = injections.contains(category);
            if (injection || informative.contains(category)) {
                String id = row.get("id").asText();
                out.add(new Sample("xsafety " + category, "held-out", "zh", true, injection, row.get("zh").asText(), id, null));
                out.add(new Sample("xsafety " + category, "held-out", "en", true, injection, row.get("en").asText(), id, null));
            }
        }
        return out;
    }

    private static List<Sample> tensorTrust() throws IOException {
        List<Sample> out = new ArrayList<>();
        for (String kind : List.of("hijacking", "extraction")) {
            for (JsonNode row : jsonl(DATASETS.resolve("prompt-attacks-tensor-trust/" + kind + "_robustness_dataset.jsonl"))) {
                String split = row.get("sample_id").asLong() % 2 == 0 ? "dev" : "held-out";
                out.add(new Sample("tensor-trust " + kind, split, "en", true, true, row.get("attack").asText(),
                        row.get("sample_id").asText(), row.path("access_code").asText(null)));
            }
        }
        return out;
    }

    private static List<Sample> jailbreakTemplates() throws IOException {
        Path dir = DATASETS.resolve("prompt-attacks-jailbreak-templates-en");
        List<Sample> out = new ArrayList<>();
        for (JsonNode row : jsonl(dir.resolve("jailbreakchat_templates.jsonl"))) {
            out.add(new Sample("jailbreakchat templates", "held-out", "en", true, true,
                    row.get("prompt").asText().replace("[INSERT PROMPT HERE]", FILLER), row.get("id").asText(), null));
        }
        for (JsonNode row : jsonl(dir.resolve("pallms_prompt_injection_lines.jsonl"))) {
            out.add(new Sample("injection one-liners", "held-out", "en", true, true,
                    row.get("text").asText().replace("{NEW_INSTRUCTION}", FILLER), row.get("id").asText(), null));
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
            List<List<String>> rows = Csv.parse(Files.readString(DATASETS.resolve("banking77/" + split + ".csv")));
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
