package com.northbridge.assistant.chat;

import java.util.List;
import java.util.UUID;

import com.northbridge.assistant.tools.PendingAction;

/**
 * What a customer gets for a message: the answer, its citations and language, the recognised intent, the
 * turn's risk level and reasons, a pending action (a transfer waiting for review) and whether a person has
 * taken the conversation over. {@code notice} tells the customer when the answer came from the offline
 * fallback because the remote model was unavailable.
 */
public record ChatReply(UUID conversationId, UUID messageId, String answer, String language, List<Citation> citations,
                        String intent, String riskLevel, List<String> riskReasons, PendingAction pendingAction, boolean handedOff,
                        String model, String notice) {
}
