package com.northbridge.assistant.audit;

import java.time.Instant;

/** One link of the audit chain as stored. {@code detail} is JSON, kept as the exact text that was hashed. */
public record AuditEntry(long seq, Instant at, String actor, String action, String subjectType, String subjectId, String detail,
                         String prevHash, String hash) {
}
