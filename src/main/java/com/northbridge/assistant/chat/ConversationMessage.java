package com.northbridge.assistant.chat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One message of a conversation. An assistant message also records what it rests on (citations) and what
 * made it (model, prompt versions, tokens, latency), so any answer can be explained later.
 */
@Entity
@Table(name = "chat_message")
public class ConversationMessage extends PanacheEntityBase {

    public static final String CUSTOMER = "customer";
    public static final String ASSISTANT = "assistant";
    /** A message the bank wrote into the conversation, such as a reviewer's decision. */
    public static final String BANK = "bank";
    /** A reply written in person by a member of staff to a handed-off conversation; never from a model. */
    public static final String AGENT = "agent";

    @Id
    public UUID id;

    @Column(name = "conversation_id", nullable = false)
    public UUID conversationId;

    @Column(nullable = false)
    public int seq;

    @Column(nullable = false)
    public String role;

    @Column(nullable = false)
    public String content;

    @Column(nullable = false)
    public String language;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public String intent;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Citation> citations;

    public String model;

    public String prompts;

    @Column(name = "input_tokens")
    public Integer inputTokens;

    @Column(name = "output_tokens")
    public Integer outputTokens;

    @Column(name = "latency_ms")
    public Integer latencyMs;

    /** The passages the model was given (cited or not), for reviewers. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Citation> sources;

    /** The tools called in this turn, in order; the calls themselves are in tool_call. */
    public String tools;

    @Column(name = "risk_level")
    public String riskLevel;

    @Column(name = "risk_reasons")
    public String[] riskReasons;

    /** Who wrote an agent message: the staff member's id and the name the customer sees. */
    @Column(name = "author_id")
    public String authorId;

    @Column(name = "author_name")
    public String authorName;

    /**
     * A new message at the end of a conversation, not yet persisted. Callers that may race a turn of the same
     * conversation hold the conversation row's lock first, so two messages never take the same place.
     */
    public static ConversationMessage next(UUID conversationId, String role, String content, String language) {
        ConversationMessage m = new ConversationMessage();
        m.id = UUID.randomUUID();
        m.conversationId = conversationId;
        m.seq = nextSeq(conversationId);
        m.role = role;
        m.content = content;
        m.language = language;
        m.createdAt = Instant.now();
        return m;
    }

    public static List<ConversationMessage> of(UUID conversationId) {
        return list("conversationId = ?1 order by seq", conversationId);
    }

    public static int nextSeq(UUID conversationId) {
        Integer max = getEntityManager().createQuery(
                "select max(m.seq) from ConversationMessage m where m.conversationId = :id", Integer.class)
                .setParameter("id", conversationId).getSingleResult();
        return max == null ? 1 : max + 1;
    }
}
