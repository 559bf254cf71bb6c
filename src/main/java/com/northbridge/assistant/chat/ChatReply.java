package com.northbridge.assistant.chat;

import java.util.List;
import java.util.UUID;

/**
 * What a customer gets for a message: the answer, its citations and language, the recognised intent, and
 * whether a person has taken the conversation over. Risk level and pending action arrive with the gate.
 */
public record ChatReply(UUID conversationId, UUID messageId, String answer, String language, List<Citation> citations,
                        String intent, boolean handedOff, String model) {
}
