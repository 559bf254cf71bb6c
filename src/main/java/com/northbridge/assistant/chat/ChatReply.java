package com.northbridge.assistant.chat;

import java.util.List;
import java.util.UUID;

/**
 * What a customer gets for a message: the answer, its citations and language, the recognised intent, and
 * whether a person has taken the conversation over. {@code notice} tells the customer when the answer came
 * from the offline fallback because the remote model was unavailable. Risk level and pending action arrive with the gate.
 */
public record ChatReply(UUID conversationId, UUID messageId, String answer, String language, List<Citation> citations,
                        String intent, boolean handedOff, String model, String notice) {
}
