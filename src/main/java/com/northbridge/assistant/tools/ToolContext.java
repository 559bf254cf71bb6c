package com.northbridge.assistant.tools;

import java.time.Instant;
import java.util.UUID;

import com.northbridge.assistant.text.Language;

/**
 * Who a tool acts for and where: the signed-in customer (from the token, never from the model), the
 * conversation and the customer message of the turn.
 */
public record ToolContext(String customerId, UUID conversationId, UUID messageId, Language language, Instant now) {
}
