package com.northbridge.assistant.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * GET /api/analytics: the last {@code days} days (calendar days in UTC, today included). Rates are shares
 * between 0 and 1, null when there is nothing to divide by.
 * <ul>
 * <li>{@code answeredWithoutHuman}: assistant answers that settled the turn themselves: not red (red always goes to a
 * person), not a refusal, not an unanswered question, not a hand-over ({@code answeredAlone} of {@code answers}).</li>
 * <li>{@code handoffRate}: conversations started in the period that were handed to a person ({@code handedOff} of
 * {@code conversations}).</li>
 * <li>{@code refusalRate}: assistant answers that were the "I don't know" refusal or the safety refusal ({@code refusals}).</li>
 * <li>{@code unanswered}: the customer's question before an "I don't know" refusal or before a product answer
 * without a single citation, grouped by {@link QuestionGroups}.</li>
 * </ul>
 */
public record AnalyticsReport(int days, String zone, Instant since, List<Day> perDay, long conversations, long turns, long answers,
                              long answeredAlone, long handedOff, long refusals,
                              Double answeredWithoutHuman, Double handoffRate, Double refusalRate,
                              Map<String, Long> turnsByRiskLevel, Map<String, Long> casesByLevel, List<Count> topIntents,
                              long unansweredCount, List<QuestionGroups.Group> unanswered) {

    public record Day(LocalDate date, long conversations, long turns) {
    }

    public record Count(String name, long count) {
    }
}
