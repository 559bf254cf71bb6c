package com.northbridge.assistant.analytics;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.northbridge.assistant.chat.PromptLibrary;
import com.northbridge.assistant.text.Language;

/**
 * Computes the {@link AnalyticsReport} in SQL over the conversation, message and case tables. A fixed reply
 * is recognised by its text from prompts/ (in both languages), so the figures follow the prompts as they change.
 */
@ApplicationScoped
public class ConversationAnalytics {

    /** Enough questions to find the frequent ones; the rest are the long tail. */
    private static final int MAX_UNANSWERED_READ = 5_000;
    private static final int TOP = 10;

    /** Per assistant answer: what kind of answer it was. Parameters: the six fixed texts, then the start of the period. */
    private static final String ANSWERS = """
            WITH answer AS (
                SELECT m.conversation_id, m.seq, m.intent, m.risk_level,
                       position(? in m.content) > 0 OR position(? in m.content) > 0 AS dont_know,
                       position(? in m.content) > 0 OR position(? in m.content) > 0 AS safety_refusal,
                       position(? in m.content) > 0 OR position(? in m.content) > 0 OR m.intent = 'handoff'
                           OR position('with-colleague@' in coalesce(m.prompts, '')) > 0 AS handed_over,
                       m.intent = 'product_question' AND coalesce(jsonb_array_length(m.citations), 0) = 0 AS uncited
                FROM chat_message m JOIN conversation c ON c.id = m.conversation_id
                WHERE m.role = 'assistant' AND c.channel <> 'eval' AND m.created_at >= ?)
            """;

    private final DataSource dataSource;
    private final List<String> fixedTexts;

    public ConversationAnalytics(DataSource dataSource, PromptLibrary prompts) {
        this.dataSource = dataSource;
        List<String> texts = new ArrayList<>();
        for (String id : List.of("refusal", "red-refusal", "handoff")) {
            texts.add(prompts.get(id).in(Language.EN));
            texts.add(prompts.get(id).in(Language.ZH));
        }
        this.fixedTexts = List.copyOf(texts);
    }

    public AnalyticsReport report(int days) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = today.minusDays(days - 1L);
        Instant since = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        try (Connection c = dataSource.getConnection()) {
            Map<LocalDate, Long> conversationsPerDay = perDay(c, """
                    SELECT (created_at AT TIME ZONE 'UTC')::date, count(*) FROM conversation
                    WHERE channel <> 'eval' AND created_at >= ? GROUP BY 1""", since);
            Map<LocalDate, Long> turnsPerDay = perDay(c, """
                    SELECT (m.created_at AT TIME ZONE 'UTC')::date, count(*) FROM chat_message m JOIN conversation c ON c.id = m.conversation_id
                    WHERE m.role = 'customer' AND c.channel <> 'eval' AND m.created_at >= ? GROUP BY 1""", since);
            List<AnalyticsReport.Day> perDay = new ArrayList<>();
            long conversations = 0;
            long turns = 0;
            for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
                long cs = conversationsPerDay.getOrDefault(d, 0L);
                long ts = turnsPerDay.getOrDefault(d, 0L);
                perDay.add(new AnalyticsReport.Day(d, cs, ts));
                conversations += cs;
                turns += ts;
            }
            long handedOff = single(c,
                    "SELECT count(*) FROM conversation WHERE channel <> 'eval' AND created_at >= ? AND state IN ('handed_off', 'closed')", since);

            long[] answers = new long[3];
            try (PreparedStatement ps = answers(c, ANSWERS + """
                    SELECT count(*),
                           count(*) FILTER (WHERE dont_know OR safety_refusal),
                           count(*) FILTER (WHERE risk_level <> 'red' AND NOT (dont_know OR safety_refusal OR handed_over OR uncited))
                    FROM answer""", since); ResultSet rs = ps.executeQuery()) {
                rs.next();
                for (int i = 0; i < 3; i++) {
                    answers[i] = rs.getLong(i + 1);
                }
            }
            Map<String, Long> byLevel = new LinkedHashMap<>();
            for (String level : List.of("blue", "yellow", "red")) {
                byLevel.put(level, 0L);
            }
            byLevel.putAll(counts(c, answers(c, ANSWERS + "SELECT risk_level, count(*) FROM answer WHERE risk_level IS NOT NULL GROUP BY 1", since)));
            Map<String, Long> cases = new LinkedHashMap<>();
            cases.put("red", 0L);
            cases.put("yellow", 0L);
            PreparedStatement caseQuery = c.prepareStatement("""
                    SELECT r.level, count(*) FROM review_case r LEFT JOIN conversation c ON c.id = r.conversation_id
                    WHERE r.created_at >= ? AND (c.id IS NULL OR c.channel <> 'eval') GROUP BY 1""");
            caseQuery.setTimestamp(1, Timestamp.from(since));
            cases.putAll(counts(c, caseQuery));
            List<AnalyticsReport.Count> intents = counts(c, answers(c, ANSWERS
                    + "SELECT intent, count(*) FROM answer WHERE intent IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT " + TOP, since))
                    .entrySet().stream().map(e -> new AnalyticsReport.Count(e.getKey(), e.getValue())).toList();

            List<String> questions = new ArrayList<>();
            try (PreparedStatement ps = answers(c, ANSWERS + """
                    SELECT (SELECT q.content FROM chat_message q WHERE q.conversation_id = a.conversation_id AND q.role = 'customer'
                            AND q.seq < a.seq ORDER BY q.seq DESC LIMIT 1)
                    FROM answer a WHERE a.dont_know OR a.uncited LIMIT""" + " " + MAX_UNANSWERED_READ, since);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1) != null) {
                        questions.add(rs.getString(1));
                    }
                }
            }
            return new AnalyticsReport(days, "UTC", since, perDay, conversations, turns, answers[0], answers[2], handedOff, answers[1],
                    share(answers[2], answers[0]), share(handedOff, conversations), share(answers[1], answers[0]),
                    byLevel, cases, intents, questions.size(), QuestionGroups.of(questions, TOP));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not compute the analytics", e);
        }
    }

    private PreparedStatement answers(Connection c, String sql, Instant since) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < fixedTexts.size(); i++) {
            ps.setString(i + 1, fixedTexts.get(i));
        }
        ps.setTimestamp(fixedTexts.size() + 1, Timestamp.from(since));
        return ps;
    }

    private static Map<LocalDate, Long> perDay(Connection c, String sql, Instant since) throws SQLException {
        Map<LocalDate, Long> result = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date day = rs.getDate(1);
                    result.put(day.toLocalDate(), rs.getLong(2));
                }
            }
        }
        return result;
    }

    private static long single(Connection c, String sql, Instant since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Name and count rows, in the query's order; closes the statement. */
    private static Map<String, Long> counts(Connection c, PreparedStatement ps) throws SQLException {
        Map<String, Long> result = new LinkedHashMap<>();
        try (ps; ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.put(rs.getString(1), rs.getLong(2));
            }
        }
        return result;
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
