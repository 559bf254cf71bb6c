package com.northbridge.assistant.review;

import java.util.List;
import java.util.Map;

/** A page of the review queue and the counts a reviewer needs to see at a glance. */
public record CaseQueue(List<CaseSummary> items, long total, int page, int size, Map<String, Long> byLevel, Map<String, Long> byStatus,
                        long overdue) {
}
