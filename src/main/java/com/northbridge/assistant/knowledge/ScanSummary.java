package com.northbridge.assistant.knowledge;

import java.util.List;

/**
 * The result of ingesting a folder: what was (re)ingested, left alone, removed and rejected, whether it was
 * a bulk load (HNSW graphs built afresh afterwards), and where the time went (milliseconds per step; a scan
 * overlaps its steps, so they add up to more than the total).
 */
public record ScanSummary(List<String> ingested, int unchanged, List<String> removed,
                          List<IngestionOutcome.Rejected> rejected, int chunksEmbedded, boolean bulkLoad,
                          long parseMillis, long embedMillis, long writeMillis, long totalMillis) {

    public String describe() {
        StringBuilder sb = new StringBuilder(String.format(
                "knowledge scan: %d ingested, %d unchanged, %d removed, %d rejected; %d passages embedded in %d ms%s "
                        + "(time in each step, overlapping: parse %d ms, embed %d ms, write %d ms)",
                ingested.size(), unchanged, removed.size(), rejected.size(), chunksEmbedded, totalMillis,
                bulkLoad ? " as a bulk load" : "", parseMillis, embedMillis, writeMillis));
        for (IngestionOutcome.Rejected r : rejected) {
            sb.append("\n  rejected ").append(r.sourcePath()).append(": ").append(r.message());
        }
        return sb.toString();
    }
}
