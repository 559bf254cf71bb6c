package com.northbridge.assistant.review;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A case as one line of the queue: enough to sort, filter and pick. */
public record CaseSummary(UUID id, String kind, String level, String status, List<String> reasons, String summary, String customerId,
                          UUID conversationId, UUID transferId, Instant createdAt, Instant dueAt, long ageMinutes, boolean overdue,
                          String decidedBy, Instant decidedAt, String outcome) {

    public static CaseSummary of(ReviewCase c, Instant now) {
        return new CaseSummary(c.id, c.kind, c.level, c.status, List.of(c.reasons), c.summary, c.customerId, c.conversationId, c.transferId,
                c.createdAt, c.dueAt, Duration.between(c.createdAt, now).toMinutes(), c.overdue(now), c.decidedBy, c.decidedAt, c.outcome);
    }
}
