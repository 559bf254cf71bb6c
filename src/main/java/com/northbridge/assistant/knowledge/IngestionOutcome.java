package com.northbridge.assistant.knowledge;

/** What happened to one file offered to the knowledge base. */
public sealed interface IngestionOutcome {

    String sourcePath();

    /** New or changed: its passages were (re)written. */
    record Ingested(String sourcePath, DocumentView document, int chunks, boolean replaced) implements IngestionOutcome {
    }

    /** Same content as already stored: nothing was parsed or embedded. */
    record Unchanged(String sourcePath, DocumentView document) implements IngestionOutcome {
    }

    /** Not taken; nothing of it is stored and an earlier version, if any, stays as it was. */
    record Rejected(String sourcePath, DocumentRejected.Reason reason, String message) implements IngestionOutcome {
    }
}
