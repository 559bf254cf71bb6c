package com.northbridge.assistant.review;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A case waiting for, or decided by, a reviewer. */
@Entity
@Table(name = "review_case")
public class ReviewCase extends PanacheEntityBase {

    public static final String TRANSFER = "transfer";
    public static final String ALERT = "alert";
    public static final String SAMPLE = "sample";

    public static final String OPEN = "open";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";

    @Id
    public UUID id;
    public String kind;
    public String level;
    public String status;
    public String[] reasons;
    public String summary;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "conversation_id")
    public UUID conversationId;
    @Column(name = "message_id")
    public UUID messageId;
    /** The customer messages whose turns raised the case or came back to it, oldest first. */
    @Column(name = "message_ids")
    public UUID[] messageIds;
    @Column(name = "transfer_id")
    public UUID transferId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decision_comment")
    public String decisionComment;
    public String outcome;

    public boolean overdue(Instant now) {
        return OPEN.equals(status) && dueAt.isBefore(now);
    }
}
