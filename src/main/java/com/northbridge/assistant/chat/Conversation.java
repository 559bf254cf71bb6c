package com.northbridge.assistant.chat;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A conversation between one customer and the assistant, and whether a person has taken it over. */
@Entity
@Table(name = "conversation")
public class Conversation extends PanacheEntityBase {

    public static final String ACTIVE = "active";
    public static final String HANDED_OFF = "handed_off";
    /** A hand-over that a member of staff has finished; asking for a person again puts it back in the queue. */
    public static final String CLOSED = "closed";

    @Id
    public UUID id;

    @Column(name = "customer_id")
    public String customerId;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String language;

    @Column(nullable = false)
    public String state;

    @Column(name = "failed_answers", nullable = false)
    public int failedAnswers;

    @Column(name = "carried_summary")
    public String carriedSummary;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Handed to a person at some point, whether or not they have finished with it. */
    public boolean handedToPerson() {
        return HANDED_OFF.equals(state) || CLOSED.equals(state);
    }

    /** The customer's latest conversation on another channel, if any; evaluation runs are nobody's history. */
    public static java.util.Optional<Conversation> latestElsewhere(String customerId, String channel) {
        return find("customerId = ?1 and channel <> ?2 and channel <> 'eval' order by updatedAt desc", customerId, channel).firstResultOptional();
    }
}
