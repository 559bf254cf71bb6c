package com.northbridge.assistant.transfer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A requested transfer and where it stands: pending_review, then executed, rejected or failed. */
@Entity
@Table(name = "transfer")
public class Transfer extends PanacheEntityBase {

    public static final String PENDING = "pending_review";
    public static final String EXECUTED = "executed";
    public static final String REJECTED = "rejected";
    public static final String FAILED = "failed";

    @Id
    public UUID id;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "from_account")
    public String fromAccount;
    @Column(name = "payee_name")
    public String payeeName;
    @Column(name = "payee_account")
    public String payeeAccount;
    public BigDecimal amount;
    public String currency;
    public String status;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "risk_score")
    public int riskScore;
    @Column(name = "risk_reasons")
    public String[] riskReasons;
    @Column(name = "conversation_id")
    public UUID conversationId;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "decided_at")
    public Instant decidedAt;

    public static List<Transfer> ofCustomer(String customerId) {
        return list("customerId = ?1 order by requestedAt desc", customerId);
    }
}
