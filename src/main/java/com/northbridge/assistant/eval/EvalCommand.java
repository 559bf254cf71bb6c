package com.northbridge.assistant.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import io.quarkus.runtime.QuarkusApplication;

/**
 * {@code eval [suite ...] [--repeat N] [--concurrency N] [--prompts DIR] [--out DIR] [--save-baseline FILE]}: runs suites (YAML suites and the
 * dataset suites banking77 and atec; all of them when none is named) against the configured target, prints progress and the summary, writes report.json/.md/.html, and exits 1 when any
 * gate is not met (2 for a malformed suite or bad option). {@code eval compare BEFORE.json AFTER.json} lists
 * regressions and improvements case by case (exit 1 when there are regressions).
 */
public class EvalCommand implements QuarkusApplication {

    @Inject
    EvalRunner runner;

    @Inject
    EvalConfig config;

    @Override
    public int run(String... args) {
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        if (!rest.isEmpty() && rest.get(0).equals("compare")) {
            if (rest.size() != 3) {
                System.err.println("usage: eval compare BEFORE/report.json AFTER/report.json");
                return 2;
            }
            EvalComparison comparison = EvalComparison.of(EvalReports.read(Path.of(rest.get(1))), EvalReports.read(Path.of(rest.get(2))));
            System.out.print(comparison.describe());
            return comparison.regressions().isEmpty() ? 0 : 1;
        }
        int repeat = 1;
        int concurrency = 4;
        Path out = config.reportsDir();
        Path saveBaseline = null;
        List<String> suites = new ArrayList<>();
        try {
            for (int i = 0; i < rest.size(); i++) {
                switch (rest.get(i)) {
                    case "--repeat" -> repeat = positive(rest, ++i, "--repeat");
                    case "--concurrency" -> concurrency = positive(rest, ++i, "--concurrency");
                    case "--out" -> out = Path.of(value(rest, ++i, "--out"));
                    case "--save-baseline" -> saveBaseline = Path.of(value(rest, ++i, "--save-baseline"));
                    case "--prompts" -> value(rest, ++i, "--prompts"); // applied before start-up, see Main
                    default -> {
                        if (rest.get(i).startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + rest.get(i));
                        }
                        suites.add(rest.get(i));
                    }
                }
            }
            EvalPlan plan = EvalPlan.of(config, suites);
            EvalResults.Report report = runner.run(plan, repeat, concurrency, System.out::println);
            Path dir = EvalReports.write(report, out);
            System.out.println();
            System.out.println(EvalReports.markdown(report).replaceAll("(?s)\\n## Failed cases.*", ""));
            System.out.println("Reports: " + dir.resolve("report.html").toAbsolutePath());
            if (saveBaseline != null) {
                EvalBaseline.of(report).write(saveBaseline);
                System.out.println("Baseline written to " + saveBaseline);
            }
            return report.passed() ? 0 : 1;
        } catch (SuiteLoader.MalformedSuite | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static int positive(List<String> args, int i, String option) {
        try {
            int n = Integer.parseInt(value(args, i, option));
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " is a whole number of at least 1");
        }
    }
}
