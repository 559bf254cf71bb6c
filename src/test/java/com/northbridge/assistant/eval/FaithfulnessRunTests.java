package com.northbridge.assistant.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.northbridge.assistant.chat.StubOpenAiServer;
import com.northbridge.assistant.chat.StubOpenAiServer.Reply;
import com.northbridge.assistant.eval.EvalResults.CaseResult;
import com.northbridge.assistant.eval.EvalResults.Report;
import com.northbridge.assistant.eval.EvalResults.TurnResult;
import com.northbridge.assistant.knowledge.ChunkStore;
import com.northbridge.assistant.knowledge.KnowledgeIngestion;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A run with a judge configured: every answer that cites passages is sent to the judge with the whole
 * passages it cited, greetings are not, and a judge that answers nonsense costs a score, never the case.
 */
@QuarkusTest
@TestProfile(JudgeProfile.class)
class FaithfulnessRunTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EvalRunner runner;

    @Inject
    KnowledgeIngestion ingestion;

    @Inject
    ChunkStore chunks;

    private static EvalSuite.Case asking(String id, String question) {
        EvalSuite.Expect answerable = new EvalSuite.Expect(null, null, List.of(), List.of(), null, null, List.of(), List.of(), List.of(), null, null,
                true);
        return new EvalSuite.Case(id, List.of("judge"), "en", "c005", List.of(new EvalSuite.Turn(question, answerable)));
    }

    @Test
    void cited_answers_are_judged_and_a_bad_verdict_is_a_judge_error() throws Exception {
        ingestion.scan(Path.of("knowledge-docs"));
        EvalSuite.Expect greeting = new EvalSuite.Expect("greeting", null, List.of(), List.of(), null, null, List.of(), List.of(), List.of(), null,
                null, null);
        EvalSuite suite = new EvalSuite("judged", "judge wiring", Map.of(), List.of(
                asking("judged-fee", "What is the annual fee of the debit card?"),
                new EvalSuite.Case("judged-hello", List.of(), "en", "c005", List.of(new EvalSuite.Turn("hello", greeting))),
                asking("judged-new-payee", "How much can I send to a payee I added today?")));
        // One thread: the cases run, and ask the judge, in the order above.
        StubOpenAiServer.script(Reply.answer("{\"score\": 0.75, \"unsupported_claims\": [\"a claim\"]}"), Reply.answer("Looks good to me!"));
        List<String> progress = new ArrayList<>();
        Report report = runner.run(new EvalPlan(List.of(suite), List.of()), 1, 1, progress::add);

        assertThat(report.cases()).allMatch(CaseResult::passed);
        List<String> requests = StubOpenAiServer.requests();
        assertThat(requests).hasSize(2);
        TurnResult fee = turn(report, "judged-fee");
        assertThat(fee.cited()).isNotEmpty();
        assertThat(fee.judgement().score()).isEqualTo(0.75);
        assertThat(fee.judgement().unsupportedClaims()).containsExactly("a claim");
        assertThat(turn(report, "judged-hello").judgement()).isNull();
        assertThat(turn(report, "judged-new-payee").judgement().error()).startsWith("the judge's reply is not JSON");

        var sent = JSON.readTree(requests.get(0));
        assertThat(sent.path("model").asText()).isEqualTo("judge-model");
        String prompt = sent.path("messages").get(0).path("content").asText();
        assertThat(prompt).contains("QUESTION\nWhat is the annual fee of the debit card?").contains("ANSWER\n" + fee.answer());
        // The whole cited passage, not the snippet a citation carries.
        String citationId = fee.answer().replaceAll("(?s).*?\\[(K[0-9a-z]{6,40})].*", "$1");
        assertThat(prompt).contains(chunks.byCitation(citationId).orElseThrow().content().strip());

        EvalResults.Faithfulness f = report.faithfulness();
        assertThat(f.model()).isEqualTo("judge-model");
        assertThat(f.prompt()).isEqualTo("judge-faithfulness@1");
        assertThat(f.judged()).isEqualTo(2);
        assertThat(f.errors()).isEqualTo(1);
        assertThat(f.mean()).isEqualTo(0.75);
        assertThat(f.meanBySuite()).containsExactly(Map.entry("judged", 0.75));
        assertThat(f.lowest()).extracting(EvalResults.JudgedTurn::caseId).containsExactly("judged-fee");
        assertThat(EvalReports.markdown(report)).contains("**Mean faithfulness 0.75**").contains("Judge errors:");
    }

    private static TurnResult turn(Report report, String caseId) {
        return report.cases().stream().filter(c -> c.id().equals(caseId)).findFirst().orElseThrow().turns().get(0);
    }
}
