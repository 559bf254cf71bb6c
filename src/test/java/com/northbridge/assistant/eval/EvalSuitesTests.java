package com.northbridge.assistant.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.northbridge.assistant.knowledge.KnowledgeIngestion;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The CI gate of the prompt-evaluation suites: every suite in evals/ (and the dataset suites when
 * ../shared/datasets is there) against the offline engine, through the real turn loop, with the reports in
 * target/eval-reports/. No red may be scored below red and intent accuracy must reach 95 %, always; beyond
 * that the run must hold the committed baseline: no case that passed fails, no headline metric falls, no gate
 * that was met fails. Gates the offline engine does not reach yet are named in the baseline and in the build
 * log, and the baseline keeps them from getting worse.
 */
@QuarkusTest
@TestProfile(EvalSuitesProfile.class)
class EvalSuitesTests {

    static final Path BASELINE = Path.of("evals/baseline/offline-engine.json");

    @Inject
    EvalRunner runner;

    @Inject
    EvalConfig config;

    @Inject
    KnowledgeIngestion ingestion;

    @Test
    void every_suite_holds_the_baseline_and_the_gates_the_offline_engine_meets() {
        ingestion.scan(Path.of("knowledge-docs"));
        EvalResults.Report report = runner.run(EvalPlan.of(config, List.of()), 1, 2, line -> { });
        Path dir = EvalReports.write(report, Path.of("target/eval-reports"));
        EvalBaseline now = EvalBaseline.of(report);
        now.write(dir.resolve("baseline.json")); // to commit when a change makes cases pass

        List<EvalResults.Gate> unmet = report.gates().stream().filter(g -> !g.passed()).toList();
        unmet.forEach(g -> System.out.printf("[eval] below the gate: %s %s %.1f %% < %.1f %%%n", g.scope(), g.name(), g.actual() * 100, g.threshold() * 100));
        System.out.println("[eval] reports in " + dir.toAbsolutePath());

        assertThat(report.metrics().redRecall()).as("a fund operation or fraud signal scored below red").isEqualTo(1.0);
        assertThat(report.metrics().intentAccuracy()).as("intent accuracy").isGreaterThanOrEqualTo(0.95);
        assertThat(Files.exists(BASELINE)).as("committed baseline " + BASELINE).isTrue();
        EvalBaseline baseline = EvalBaseline.read(BASELINE);
        assertThat(baseline.regressions(now)).as("regressions against " + BASELINE + " (reports in " + dir + ")").isEmpty();
    }
}
