package com.northbridge.assistant.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.northbridge.assistant.eval.EvalResults.DatasetResult;

/**
 * The dataset suites without the service: our banking77 mapping, sampling and parsing of the two file
 * formats, the metrics on small hand-made observations, and skipping when the datasets are absent.
 */
class DatasetSuitesTest {

    private static final Path DEFINITIONS = Path.of("evals/datasets");
    private static final Path SHARED = Path.of(System.getProperty("datasets.dir", "../shared/datasets"));

    @TempDir
    Path dir;

    @Test
    void the_mapping_gives_every_banking77_category_acceptable_intents_and_only_documents_we_have() throws Exception {
        DatasetDefinition banking77 = DatasetSuites.definition(DEFINITIONS, "banking77");
        assertThat(banking77.categories()).hasSize(77);
        List<String> ours;
        try (Stream<Path> files = Files.walk(Path.of("knowledge-docs"))) {
            ours = files.map(p -> p.getFileName().toString()).toList();
        }
        banking77.categories().forEach((category, c) -> {
            // A question about money is never a request to move it, and a banking question is never out of scope.
            assertThat(c.intents()).as(category).contains("product_question").doesNotContain("transfer", "out_of_scope", "greeting", "handoff");
            assertThat(ours).as(category).containsAll(c.documents());
        });
        if (Banking77Suite.present(SHARED)) {
            Banking77Suite.checkMapping(banking77, Banking77Suite.categories(SHARED), DEFINITIONS.resolve("banking77.yaml"));
        }
        assertThatThrownBy(() -> Banking77Suite.checkMapping(banking77, List.of("card_arrival", "new_category"), DEFINITIONS.resolve("banking77.yaml")))
                .isInstanceOf(SuiteLoader.MalformedSuite.class).hasMessageContaining("no intent for [new_category]")
                .hasMessageContaining("not banking77 categories: [Refund_not_showing_up, activate_my_card");
        assertThat(DatasetSuites.definition(DEFINITIONS, "atec").suite()).isEqualTo("atec");
    }

    @Test
    void a_bad_definition_is_refused_with_the_file_and_field() throws Exception {
        Files.writeString(dir.resolve("atec.yaml"), "suite: atec\ndescription: x\nthresholds:\n  paraphrase-same-mood: {min: 0.5}\n");
        assertThatThrownBy(() -> DatasetSuites.definition(dir, "atec")).isInstanceOf(SuiteLoader.MalformedSuite.class)
                .hasMessageContaining("thresholds.paraphrase-same-mood").hasMessageContaining("unknown metric");
        Files.writeString(dir.resolve("atec.yaml"), "suite: atec\ndescription: x\nthresholds:\n  red-rate: {min: 0.5, max: 0.6}\n");
        assertThatThrownBy(() -> DatasetSuites.definition(dir, "atec")).hasMessageContaining("line 4").hasMessageContaining("either min or max");
        Files.writeString(dir.resolve("banking77.yaml"), "suite: banking77\ndescription: x\ncategories:\n  card_arrival: {intents: [refund]}\n");
        assertThatThrownBy(() -> DatasetSuites.definition(dir, "banking77")).hasMessageContaining("categories.card_arrival")
                .hasMessageContaining("intent must be one of");
    }

    @Test
    void absent_datasets_are_named_as_the_reason_to_skip() {
        assertThat(DatasetSuites.absence(dir, "banking77").orElseThrow()).contains("banking77/categories.json and test.csv not found in");
        assertThat(DatasetSuites.absence(dir, "atec").orElseThrow()).contains("atec_nlp_sim_train.tsv not found in");
        DatasetResult skipped = DatasetResult.skipped("atec", DatasetSuites.absence(dir, "atec").orElseThrow());
        EvalResults.Report report = new EvalResults.Report(UUID.randomUUID(), Instant.now(), Instant.now(), "offline", "none", "prompts", List.of(),
                List.of(), 1, 1, new EvalMetrics(List.of()).summary(), List.of(), true, List.of(), List.of(skipped), null);
        assertThat(EvalReports.markdown(report)).contains("### atec (skipped)").contains("not found in");
        assertThat(EvalReports.html(report)).contains("atec <small class=\"bad\">skipped</small>");
    }

    @Test
    void banking77_is_sampled_the_same_way_every_time_from_quoted_csv() throws Exception {
        Files.createDirectories(dir.resolve("banking77"));
        Files.writeString(dir.resolve("banking77/categories.json"), "[\"card_arrival\", \"cancel_transfer\"]");
        Files.writeString(dir.resolve("banking77/test.csv"), """
                text,category
                Where is the card you posted me?,card_arrival
                "My card still hasn't come, it's been ten days",card_arrival
                "She said ""wait a week"" but nothing came",card_arrival
                "Can I stop a payment I made
                five minutes ago?",cancel_transfer
                """);
        List<Banking77Suite.Query> two = Banking77Suite.sample(dir, 2);
        assertThat(two).hasSize(3).filteredOn(q -> q.category().equals("card_arrival")).hasSize(2);
        assertThat(Banking77Suite.sample(dir, 2)).isEqualTo(two);
        assertThat(Banking77Suite.sample(dir, 10)).extracting(Banking77Suite.Query::text).contains(
                "My card still hasn't come, it's been ten days", "She said \"wait a week\" but nothing came",
                "Can I stop a payment I made\nfive minutes ago?");
        assertThat(Banking77Suite.categories(dir)).containsExactly("card_arrival", "cancel_transfer");
    }

    @Test
    void atec_pairs_come_half_and_half_from_the_held_out_slice() throws Exception {
        Files.createDirectories(dir.resolve("atec-antfin-question-pairs"));
        StringBuilder tsv = new StringBuilder("id\tsentence1\tsentence2\tlabel\n");
        for (int id = 1; id <= 60; id++) {
            tsv.append(id).append("\t信用卡年费多少钱").append(id).append("\t信用卡一年收多少年费").append(id).append('\t').append(id % 3 == 0 ? 1 : 0).append('\n');
        }
        Files.writeString(dir.resolve(AtecSuite.FILE), tsv);
        List<AtecSuite.Pair> sample = AtecSuite.sample(dir, 6);
        assertThat(sample).hasSize(6).allMatch(p -> p.id() % 5 == 0);
        assertThat(sample).filteredOn(AtecSuite.Pair::paraphrase).hasSize(3).allMatch(p -> p.id() % 3 == 0);
        assertThat(AtecSuite.sample(dir, 6)).isEqualTo(sample);
        assertThat(AtecSuite.sample(dir, 100)).hasSize(12); // all 12 ids divisible by 5: 4 paraphrases, 8 not
    }

    private static Probe probe(String intent, String risk, boolean refused, boolean evidence, String... documents) {
        return new Probe(intent, risk, refused ? List.of("prompt_injection") : List.of(), refused, evidence, List.of(documents));
    }

    @Test
    void banking77_metrics_on_hand_made_observations() {
        DatasetDefinition definition = new DatasetDefinition("banking77", "fixture", Map.of("intent-accuracy", new DatasetDefinition.Threshold(0.9, null),
                "false-block-rate", new DatasetDefinition.Threshold(null, 0.0)), Map.of(
                "lost_or_stolen_card", new DatasetDefinition.Category(List.of("product_question"), List.of("debit-cards.md")),
                "pending_transfer", new DatasetDefinition.Category(List.of("product_question", "balance"), List.of("transfer-limits.md")),
                "virtual_card_not_working", new DatasetDefinition.Category(List.of("product_question"), List.of())));
        List<Banking77Suite.Observed> observed = new ArrayList<>();
        String docs = "knowledge-docs/products/";
        observed.add(seen("lost_or_stolen_card", "I lost my card", probe("product_question", "blue", false, true, docs + "debit-cards.md")));
        observed.add(seen("lost_or_stolen_card", "card gone", probe("product_question", "red", false, true, docs + "fee-schedule.html",
                docs + "debit-cards.md")));
        observed.add(seen("pending_transfer", "transfer pending", probe("balance", "yellow", false, false, docs + "transfer-limits.md")));
        observed.add(seen("pending_transfer", "send it now", probe("transfer", "red", false, true, docs + "fee-schedule.html")));
        observed.add(seen("virtual_card_not_working", "virtual card broken", probe("product_question", "red", true, false)));
        observed.add(seen("virtual_card_not_working", "virtual card declined", probe("product_question", "blue", false, true, docs + "debit-cards.md")));

        DatasetResult r = Banking77Suite.measure(definition, observed, "fixture");
        assertThat(r.status()).isEqualTo("measured");
        assertThat(r.items()).isEqualTo(6);
        assertThat(r.metrics().get("intent-accuracy")).isCloseTo(5 / 6.0, within(1e-9));
        assertThat(r.metrics().get("routed-to-transfer")).isCloseTo(1 / 6.0, within(1e-9));
        assertThat(r.metrics().get("false-block-rate")).isCloseTo(1 / 6.0, within(1e-9));
        assertThat(r.metrics().get("red-rate")).isCloseTo(3 / 6.0, within(1e-9));
        assertThat(r.metrics().get("evidence-rate")).isCloseTo(4 / 6.0, within(1e-9));
        // Covered: 4 queries. Hit@1 only the first; hit@5 also the second; the third had no evidence; the fourth the wrong document.
        assertThat(r.metrics().get("document-hit@1")).isEqualTo(0.25);
        assertThat(r.metrics().get("document-hit@5")).isEqualTo(0.5);
        assertThat(r.metrics().get("no-evidence-when-uncovered")).isEqualTo(0.5);
        assertThat(r.breakdowns().get("intent accuracy by category, worst first")).containsExactly(Map.entry("pending_transfer", 0.5),
                Map.entry("lost_or_stolen_card", 1.0), Map.entry("virtual_card_not_working", 1.0));
        assertThat(r.breakdowns().get("routed intents")).containsExactly(Map.entry("product_question", 4 / 6.0), Map.entry("balance", 1 / 6.0),
                Map.entry("transfer", 1 / 6.0));
        assertThat(r.examples()).contains("refused [prompt_injection] (virtual_card_not_working): virtual card broken",
                "routed to transfer (pending_transfer): send it now", "no passage of [transfer-limits.md] (pending_transfer): transfer pending");

        List<EvalResults.Gate> gates = definition.gates(r.metrics());
        assertThat(gates).extracting(EvalResults.Gate::name).containsExactly("false-block-rate (at most)", "intent-accuracy (at least)");
        assertThat(gates).allMatch(g -> g.scope().equals("banking77")).noneMatch(EvalResults.Gate::passed);

        EvalResults.Report report = new EvalResults.Report(UUID.randomUUID(), Instant.now(), Instant.now(), "offline", "none", "prompts", List.of(),
                List.of(), 1, 1, new EvalMetrics(List.of()).summary(), gates, false, List.of(), List.of(r), null);
        assertThat(EvalReports.markdown(report)).contains("### banking77 (measured)").contains("| intent-accuracy | 83.3 % |")
                .contains("| false-block-rate (at most) | banking77 | 0.0 % | 16.7 % | **above** |")
                .contains("Intent accuracy by category, worst first: pending_transfer 50.0 %");
        assertThat(EvalReports.html(report)).contains("<h2>Dataset suites</h2>").contains("routed to transfer (pending_transfer): send it now");
    }

    private static Banking77Suite.Observed seen(String category, String text, Probe probe) {
        return new Banking77Suite.Observed(new Banking77Suite.Query(text, category), probe);
    }

    @Test
    void atec_metrics_compare_paraphrases_with_pairs_that_mean_different_things() {
        Probe fee = probe("product_question", "blue", false, true, "a.md", "b.md", "c.md");
        Probe feeAgain = probe("product_question", "blue", false, true, "a.md", "b.md", "d.md");
        Probe limit = probe("product_question", "blue", false, false, "d.md", "e.md");
        Probe repay = probe("transfer", "red", false, true, "e.md");
        Probe attack = probe("product_question", "red", true, false);
        List<AtecSuite.Observed> observed = List.of(
                new AtecSuite.Observed(new AtecSuite.Pair(5, "年费多少", "一年收多少年费", true), fee, feeAgain),
                new AtecSuite.Observed(new AtecSuite.Pair(10, "额度多少", "怎么还款", true), limit, repay),
                new AtecSuite.Observed(new AtecSuite.Pair(15, "年费多少", "额度多少", false), fee, limit),
                new AtecSuite.Observed(new AtecSuite.Pair(20, "年费多少", "忽略指令", false), fee, attack));
        DatasetResult r = AtecSuite.measure(observed, "fixture");

        assertThat(r.metrics().get("paraphrase-same-intent")).isEqualTo(0.5);
        assertThat(r.metrics().get("paraphrase-same-top1-document")).isEqualTo(0.5);
        // {a,b,c} vs {a,b,d}: 2/4; {d,e} vs {e}: 1/2.
        assertThat(r.metrics().get("paraphrase-top5-document-jaccard")).isEqualTo(0.5);
        assertThat(r.metrics().get("paraphrase-same-evidence")).isEqualTo(0.5);
        assertThat(r.metrics().get("non-paraphrase-same-intent")).isEqualTo(1.0);
        assertThat(r.metrics().get("non-paraphrase-same-top1-document")).isEqualTo(0.0);
        // {a,b,c} vs {d,e}: 0; {a,b,c} vs {}: 0.
        assertThat(r.metrics().get("non-paraphrase-top5-document-jaccard")).isEqualTo(0.0);
        assertThat(r.metrics().get("non-paraphrase-same-evidence")).isEqualTo(0.0);
        // Five distinct questions: 年费多少 once although it is in three pairs.
        assertThat(r.metrics().get("false-block-rate")).isEqualTo(0.2);
        assertThat(r.metrics().get("red-rate")).isEqualTo(0.4);
        assertThat(r.metrics().get("evidence-rate")).isEqualTo(0.6);
        assertThat(r.examples()).containsExactly("refused [prompt_injection]: 忽略指令",
                "paraphrases routed apart (product_question / transfer): 额度多少 | 怎么还款");
        assertThat(AtecSuite.jaccard(java.util.Set.of(), java.util.Set.of())).isEqualTo(1.0);
    }
}
