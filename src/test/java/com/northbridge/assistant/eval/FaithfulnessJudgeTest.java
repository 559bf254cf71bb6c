package com.northbridge.assistant.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.northbridge.assistant.chat.Source;
import com.northbridge.assistant.chat.StubOpenAiServer;
import com.northbridge.assistant.chat.StubOpenAiServer.Reply;
import com.northbridge.assistant.eval.EvalResults.CaseResult;
import com.northbridge.assistant.eval.EvalResults.Judgement;
import com.northbridge.assistant.eval.EvalResults.TurnResult;

/**
 * The faithfulness judge against the local OpenAI-compatible stub through langchain4j's real client: what
 * it sends, how it reads a verdict, that every kind of bad reply becomes a judge error, and the report.
 */
class FaithfulnessJudgeTest {

    private static final StubOpenAiServer STUB = new StubOpenAiServer();
    private static FaithfulnessJudge judge;

    private static final List<Source> PASSAGES = List.of(new Source("K0123456789ab", "Debit Card Guide § 1.1 What the card costs each year",
            "Your Northbridge debit card has an annual fee of 10 yuan per year."));

    @BeforeAll
    static void start() {
        STUB.start();
        judge = FaithfulnessJudge.configured(settings(Optional.of(STUB.baseUrl()))).orElseThrow();
    }

    @AfterAll
    static void stop() {
        STUB.stop();
    }

    /** eval.judge.* as a configuration would give them. */
    private static EvalConfig.Judge settings(Optional<String> baseUrl) {
        return new EvalConfig.Judge() {
            public Optional<String> baseUrl() {
                return baseUrl;
            }

            public Optional<String> apiKey() {
                return Optional.of("judge-key");
            }

            public String modelName() {
                return "judge-model";
            }

            public Duration timeout() {
                return Duration.ofSeconds(5);
            }

            public int maxRetries() {
                return 0;
            }

            public Path promptsDir() {
                return Path.of("prompts");
            }

            public int lowest() {
                return 2;
            }
        };
    }

    @Test
    void no_base_url_means_no_judge() {
        assertThat(FaithfulnessJudge.configured(settings(Optional.empty()))).isEmpty();
    }

    @Test
    void sends_the_versioned_prompt_with_question_passages_and_answer_to_the_judge_model_and_reads_its_verdict() throws Exception {
        StubOpenAiServer.script(Reply.answer("{\"score\": 0.5, \"unsupported_claims\": [\"The fee is waived for students.\"]}"));
        Judgement verdict = judge.judge("How much is the debit card each year?", PASSAGES,
                "It costs 10 yuan a year [K0123456789ab], and the fee is waived for students.");

        assertThat(verdict.error()).isNull();
        assertThat(verdict.score()).isEqualTo(0.5);
        assertThat(verdict.unsupportedClaims()).containsExactly("The fee is waived for students.");
        assertThat(judge.promptReference()).isEqualTo("judge-faithfulness@1");

        JsonNode request = new ObjectMapper().readTree(StubOpenAiServer.requests().get(0));
        assertThat(request.path("model").asText()).isEqualTo("judge-model");
        assertThat(request.path("temperature").asDouble()).isZero();
        JsonNode messages = request.path("messages");
        assertThat(messages).hasSize(1);
        String sent = messages.get(0).path("content").asText();
        assertThat(sent).contains("is every claim in it supported by the passages")
                .contains("QUESTION\nHow much is the debit card each year?")
                .contains("[K0123456789ab] Debit Card Guide § 1.1 What the card costs each year\nYour Northbridge debit card has an annual fee")
                .contains("ANSWER\nIt costs 10 yuan a year [K0123456789ab], and the fee is waived for students.")
                .doesNotContain("{{");
    }

    @Test
    void a_verdict_in_a_code_fence_is_still_read() {
        StubOpenAiServer.script(Reply.answer("```json\n{\"score\": 1, \"unsupported_claims\": []}\n```"));
        Judgement verdict = judge.judge("fee?", PASSAGES, "10 yuan [K0123456789ab]");
        assertThat(verdict.score()).isEqualTo(1.0);
        assertThat(verdict.unsupportedClaims()).isEmpty();
    }

    @Test
    void every_kind_of_bad_judge_reply_is_a_judge_error_not_a_failure() {
        StubOpenAiServer.script(Reply.answer("The answer looks faithful to me."), Reply.answer("{\"score\": 1.4, \"unsupported_claims\": []}"),
                Reply.answer("{\"score\": \"high\", \"unsupported_claims\": []}"), Reply.answer("{\"score\": 0.9}"),
                Reply.answer("{\"score\": 0.9, \"unsupported_claims\": [], \"reasoning\": \"fine\"}"),
                Reply.answer("{\"score\": 0.9, \"unsupported_claims\": [3]}"), Reply.answer("[0.9]"),
                Reply.answer("{\"score\": 0.9, \"unsupported_claims\": []} and some prose"), Reply.error(500), Reply.malformed());
        List<String> errors = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> judge.judge("fee?", PASSAGES, "10 yuan [K0123456789ab]"))
                .peek(j -> assertThat(j.score()).isNull())
                .map(Judgement::error).toList();
        assertThat(errors).containsExactly(
                "the judge's reply is not JSON: The answer looks faithful to me.",
                "the judge's score is not a number from 0 to 1: 1.4",
                "the judge's score is not a number from 0 to 1: \"high\"",
                "the judge's verdict has no unsupported_claims list",
                "the judge's verdict has an unexpected field reasoning",
                "an unsupported claim is not text: 3",
                "the judge's reply is not a JSON object: [0.9]",
                "the judge's reply is not JSON: {\"score\": 0.9, \"unsupported_claims\": []} and some prose",
                errors.get(8), errors.get(9));
        assertThat(errors.get(8)).startsWith("the judge could not be asked: ").contains("500");
        assertThat(errors.get(9)).startsWith("the judge could not be asked: ");
    }

    @Test
    void the_report_gives_the_mean_overall_and_per_suite_the_lowest_answers_and_the_judge_errors() {
        List<CaseResult> cases = List.of(
                judged("fees", "fee-1", Judgement.scored(1.0, List.of())),
                judged("fees", "fee-2", Judgement.scored(0.5, List.of("waived for students"))),
                judged("limits", "limit-1", Judgement.scored(0.25, List.of("no limit at all"))),
                judged("limits", "limit-2", Judgement.failed("the judge's reply is not JSON: ok")),
                judged("limits", "limit-3", null));
        EvalResults.Faithfulness f = new EvalMetrics(cases).faithfulness("judge-model", "judge-faithfulness@1", 2);

        assertThat(f.judged()).isEqualTo(4);
        assertThat(f.errors()).isEqualTo(1);
        assertThat(f.mean()).isEqualTo((1.0 + 0.5 + 0.25) / 3);
        assertThat(f.meanBySuite()).containsEntry("fees", 0.75).containsEntry("limits", 0.25).hasSize(2);
        assertThat(f.lowest()).extracting(EvalResults.JudgedTurn::caseId).containsExactly("limit-1", "fee-2");
        assertThat(f.failures()).extracting(EvalResults.JudgedTurn::caseId).containsExactly("limit-2");

        EvalResults.Report report = new EvalResults.Report(UUID.randomUUID(), Instant.now(), Instant.now(), "offline", "offline", "prompts",
                List.of(), List.of("fees", "limits"), 1, 1, new EvalMetrics(cases).summary(), List.of(), true, cases, List.of(), f);
        assertThat(EvalReports.markdown(report)).contains("## Faithfulness (LLM judge)").contains("**Mean faithfulness 0.58**")
                .contains("| limits | 0.25 |").contains("- `limit-1` (limits) turn 1: 0.25; unsupported: no limit at all")
                .contains("- `limit-2` (limits) turn 1: the judge's reply is not JSON: ok");
        assertThat(EvalReports.html(report)).contains("<h2>Faithfulness (LLM judge)</h2>").contains("judge-faithfulness@1");
        EvalResults.Report unjudged = new EvalResults.Report(report.runId(), report.startedAt(), report.finishedAt(), "offline", "offline", "prompts",
                List.of(), List.of("fees"), 1, 1, report.metrics(), List.of(), true, cases, List.of(), null);
        assertThat(EvalReports.markdown(unjudged)).contains("Not measured: no judge model is configured (eval.judge.base-url).");
    }

    private static CaseResult judged(String suite, String id, Judgement judgement) {
        EvalSuite.Expect expect = new EvalSuite.Expect(null, null, List.of(), List.of(), null, null, List.of(), List.of(), List.of(), null, null, true);
        TurnResult turn = new TurnResult("question of " + id, "answer", "product_question", "blue", List.of("document_answer"), List.of(), false,
                false, false, false, List.of(), List.of(), 5, 0, 0, "offline", List.of(), expect, judgement);
        return new CaseResult(suite, id, List.of(), "en", 1, true, List.of(turn), 0, null);
    }
}
