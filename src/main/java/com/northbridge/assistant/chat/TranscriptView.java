package com.northbridge.assistant.chat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * GET /api/conversations/{id}: the conversation and every message, with what each answer rests on (the passages
 * it cites, and all the passages retrieved for it), and the summary of the customer's earlier conversation on
 * another channel when there was one. A member of staff's reply names its author; only staff see the author's id.
 */
public record TranscriptView(UUID id, String channel, String language, String state, Instant createdAt,
                             String carriedSummary, List<Entry> messages) {

    public record Entry(UUID id, int seq, String role, String content, String language, Instant createdAt, String intent,
                        List<Citation> citations, String riskLevel, List<String> riskReasons, String tools, String model, String prompts,
                        Integer inputTokens, Integer outputTokens, Integer latencyMs, List<Citation> sources, String author, String authorId) {

        public static Entry of(ConversationMessage m, boolean forStaff) {
            return new Entry(m.id, m.seq, m.role, m.content, m.language, m.createdAt, m.intent, m.citations, m.riskLevel,
                    m.riskReasons == null ? null : List.of(m.riskReasons), m.tools, m.model,
                    m.prompts, m.inputTokens, m.outputTokens, m.latencyMs, m.sources, m.authorName, forStaff ? m.authorId : null);
        }
    }

    /** The customer's view. */
    public static TranscriptView of(Conversation c, List<ConversationMessage> messages) {
        return of(c, messages, false);
    }

    /** The view of staff, who also see which colleague wrote each reply. */
    public static TranscriptView forStaff(Conversation c, List<ConversationMessage> messages) {
        return of(c, messages, true);
    }

    private static TranscriptView of(Conversation c, List<ConversationMessage> messages, boolean forStaff) {
        return new TranscriptView(c.id, c.channel, c.language, c.state, c.createdAt, c.carriedSummary,
                messages.stream().map(m -> Entry.of(m, forStaff)).toList());
    }
}
