package com.northbridge.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** The command-line batch load: "ingest FOLDER" ingests, reports and exits with a status a script can use. */
@QuarkusMainTest
class IngestCommandTest {

    static Path folder;

    @BeforeAll
    static void folderWithOneGoodAndOneBadFile() throws IOException {
        folder = Path.of("target/ingest-command-fixture");
        Files.createDirectories(folder.resolve("faq"));
        Files.writeString(folder.resolve("faq/cli-lanterns.md"), "# Lantern FAQ\n\n## 1. Lanterns\n### 1.1 When are lanterns lit?\nEvery evening at six.\n"
                + "Version: " + System.nanoTime() + "\n"); // new content each run, so it is ingested, not skipped
        Files.writeString(folder.resolve("faq/empty.md"), "");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        // The loaded document stays in the test database; the next knowledge-folder scan removes it.
        Files.deleteIfExists(folder.resolve("faq/cli-lanterns.md"));
        Files.deleteIfExists(folder.resolve("faq/empty.md"));
    }

    @Test
    @Launch(value = {"ingest", "target/ingest-command-fixture"}, exitCode = 2)
    void reports_each_file_and_exits_2_when_a_file_was_rejected(LaunchResult result) {
        assertThat(result.getOutput()).contains("1 ingested").contains("0 removed").contains("1 rejected").contains("rejected faq/empty.md: The file is empty.");
    }
}
