package com.northbridge.assistant.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.northbridge.assistant.eval.RetrievalEvaluation.ModeScores;
import com.northbridge.assistant.knowledge.KnowledgeIngestion;
import com.northbridge.assistant.knowledge.ScanSummary;
import com.northbridge.assistant.knowledge.SearchMode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The retrieval quality gate: the real corpus of knowledge-docs/ through the real ingestion, every question
 * of evals/retrieval/ through the real retriever. Writes target/eval/retrieval.json.
 */
@QuarkusTest
class RetrievalQualityTests {

    @Inject
    KnowledgeIngestion ingestion;

    @Inject
    RetrievalEvaluation evaluation;

    @Inject
    ObjectMapper json;

    @Test
    void hybrid_search_finds_the_answer_in_the_top_five_and_beats_both_single_methods() throws IOException {
        ScanSummary scan = ingestion.scan(Path.of("knowledge-docs"));
        assertThat(scan.rejected()).as("every knowledge document is ingested").isEmpty();
        List<RetrievalQuestion> questions = RetrievalSet.load(Path.of("evals/retrieval"));

        RetrievalEvaluation.Report report = evaluation.run(questions);
        write(report);

        Map<SearchMode, ModeScores> modes = report.modes();
        ModeScores hybrid = modes.get(SearchMode.HYBRID);
        assertThat(report.answerable()).isGreaterThanOrEqualTo(200);
        assertThat(report.unanswerable()).isGreaterThanOrEqualTo(20);
        // The target is 0.95; we reach 0.948 (see README). This floor keeps what we have from regressing.
        assertThat(hybrid.hitAt5()).as("hybrid hit@5").isGreaterThanOrEqualTo(0.94);
        assertThat(hybrid.hitAt5()).as("hybrid beats vector-only at hit@5").isGreaterThan(modes.get(SearchMode.VECTOR).hitAt5());
        assertThat(hybrid.hitAt5()).as("hybrid beats keyword-only at hit@5").isGreaterThan(modes.get(SearchMode.KEYWORD).hitAt5());
        assertThat(hybrid.ndcgAt10()).as("hybrid beats vector-only at nDCG@10").isGreaterThan(modes.get(SearchMode.VECTOR).ndcgAt10());
        assertThat(hybrid.ndcgAt10()).as("hybrid beats keyword-only at nDCG@10").isGreaterThan(modes.get(SearchMode.KEYWORD).ndcgAt10());
    }

    private void write(RetrievalEvaluation.Report report) throws IOException {
        Path out = Path.of("target/eval/retrieval.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        StringBuilder table = new StringBuilder(String.format("%nRetrieval quality (%d answerable, %d unanswerable questions)%n",
                report.answerable(), report.unanswerable()));
        table.append(String.format("%-8s %7s %7s %7s %8s%n", "mode", "hit@1", "hit@5", "MRR", "nDCG@10"));
        report.modes().forEach((mode, s) -> table.append(String.format("%-8s %7.3f %7.3f %7.3f %8.3f%n",
                mode.name().toLowerCase(), s.hitAt1(), s.hitAt5(), s.mrr(), s.ndcgAt10())));
        report.hybridByLanguage().forEach((lang, s) -> table.append(String.format("hybrid/%-2s %6.3f %7.3f %7.3f %8.3f (%d)%n",
                lang, s.hitAt1(), s.hitAt5(), s.mrr(), s.ndcgAt10(), s.questions())));
        double[] a = report.answerableBestSimilarity().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] u = report.unanswerableBestSimilarity().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        table.append(String.format("best similarity: answerable p5 %.3f p50 %.3f; unanswerable p50 %.3f p95 %.3f max %.3f%n",
                a[(int) (a.length * 0.05)], a[a.length / 2], u[u.length / 2], u[(int) (u.length * 0.95)], u[u.length - 1]));
        table.append(String.format("unanswerable rejected: %.3f; answerable wrongly rejected: %.3f%n",
                report.unanswerableRejectionRate(), report.answerableFalseRejectionRate()));
        report.hybridMisses().forEach(m -> table.append("  miss ").append(m.id()).append(": ").append(m.question())
                .append(m.firstExpectedRank() > 0 ? " (first expected passage at rank " + m.firstExpectedRank() + ")" : " (none expected in the top 10)")
                .append("\n     expected ").append(m.expected()).append("\n     got      ").append(m.retrieved()).append('\n'));
        System.out.println(table);
    }
}
