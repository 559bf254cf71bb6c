package com.northbridge.assistant;

import java.nio.file.Path;

import jakarta.inject.Inject;

import com.northbridge.assistant.audit.AuditVerifier;
import com.northbridge.assistant.eval.EvalCommand;
import com.northbridge.assistant.knowledge.KnowledgeConfig;
import com.northbridge.assistant.knowledge.KnowledgeIngestion;
import com.northbridge.assistant.knowledge.ScanSummary;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service, or with {@code ingest [folder]} loads a folder of documents in batch and exits
 * (status 0 when every file was taken, 2 when some were rejected). Without a folder, or with the knowledge
 * folder itself, the knowledge base mirrors it; another folder only adds and replaces documents. With
 * {@code eval [suite ...] [--repeat N] [--concurrency N] [--prompts DIR] [--out DIR]} it runs evaluation suites
 * (exit 1 below a gate), with {@code eval compare A.json B.json} it compares two runs. With
 * {@code verify-audit} it walks the audit chain and reports the first broken link (status 0 intact, 3 broken).
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("ingest")) {
            // A batch load needs neither the start-up scan nor the HTTP port a running service may hold.
            System.setProperty("knowledge.ingestion.scan-on-startup", "false");
            System.setProperty("quarkus.http.host-enabled", "false");
            Quarkus.run(IngestCommand.class, args);
        } else if (args.length > 0 && args[0].equals("eval")) {
            System.setProperty("quarkus.http.host-enabled", "false");
            for (int i = 1; i + 1 < args.length; i++) {
                if (args[i].equals("--prompts")) {
                    System.setProperty("assistant.prompts-dir", args[i + 1]); // a prompt variant: read before the model starts
                }
            }
            Quarkus.run(EvalCommand.class, args);
        } else if (args.length > 0 && args[0].equals("verify-audit")) {
            System.setProperty("knowledge.ingestion.scan-on-startup", "false");
            System.setProperty("quarkus.http.host-enabled", "false");
            Quarkus.run(VerifyAuditCommand.class, args);
        } else {
            Quarkus.run(args);
        }
    }

    /** The command-line batch load. */
    public static class IngestCommand implements QuarkusApplication {

        @Inject
        KnowledgeIngestion ingestion;

        @Inject
        KnowledgeConfig config;

        @Override
        public int run(String... args) {
            Path folder = args.length > 1 ? Path.of(args[1]) : config.ingestion().docsDir();
            // The knowledge folder is mirrored (files gone from it are removed); any other folder only adds.
            boolean knowledgeFolder = folder.toAbsolutePath().normalize().equals(config.ingestion().docsDir().toAbsolutePath().normalize());
            ScanSummary summary = knowledgeFolder ? ingestion.scan(folder) : ingestion.load(folder);
            System.out.println(summary.describe());
            return summary.rejected().isEmpty() ? 0 : 2;
        }
    }

    /** The command-line audit check. */
    public static class VerifyAuditCommand implements QuarkusApplication {

        @Inject
        javax.sql.DataSource dataSource;

        @Override
        public int run(String... args) throws Exception {
            try (java.sql.Connection c = dataSource.getConnection()) {
                AuditVerifier.Report report = AuditVerifier.verify(c);
                System.out.println(report.intact() ? "Audit chain intact: " + report.entries() + " entries."
                        : "Audit chain BROKEN at entry " + report.firstBrokenSeq() + ": " + report.problem() + " (" + report.entries() + " entries verified before it).");
                return report.intact() ? 0 : 3;
            }
        }
    }
}
