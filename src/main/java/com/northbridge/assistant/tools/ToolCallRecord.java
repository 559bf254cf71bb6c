package com.northbridge.assistant.tools;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A tool call as stored for reviewers: arguments, result, the gate's level and reasons, whether it ran. */
@Entity
@Table(name = "tool_call")
public class ToolCallRecord extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "conversation_id")
    public UUID conversationId;
    @Column(name = "message_id")
    public UUID messageId;
    public int step;
    public String name;
    public String arguments;
    public String result;
    @Column(name = "risk_level")
    public String riskLevel;
    @Column(name = "risk_reasons")
    public String[] riskReasons;
    public boolean executed;
    @Column(name = "created_at")
    public Instant createdAt;

    public static List<ToolCallRecord> ofConversation(UUID conversationId) {
        return list("conversationId = ?1 order by createdAt, step", conversationId);
    }
}
