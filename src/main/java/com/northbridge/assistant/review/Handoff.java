package com.northbridge.assistant.review;

import java.time.Instant;
import java.util.UUID;

import com.northbridge.assistant.chat.Conversation;

/** A conversation handed to a person, as one line of the human-agent queue. */
public record Handoff(UUID conversationId, String customerId, String channel, String language, String state, Instant updatedAt) {

    public static Handoff of(Conversation c) {
        return new Handoff(c.id, c.customerId, c.channel, c.language, c.state, c.updatedAt);
    }
}
