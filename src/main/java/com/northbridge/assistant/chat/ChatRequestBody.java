package com.northbridge.assistant.chat;

import java.util.UUID;

/**
 * POST /api/chat: a message, the channel it comes from, and the conversation it continues (absent: a new
 * one). Who is writing comes from the bearer token, never from the body.
 */
public record ChatRequestBody(UUID conversationId, String message, String channel) {
}
