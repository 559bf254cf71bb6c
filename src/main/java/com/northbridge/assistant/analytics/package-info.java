/**
 * Analytics for staff: conversations and turns per day, hand-over and refusal rates, risk levels, intents and
 * the questions the assistant could not answer, computed from the conversation and review tables.
 * It only reads; evaluation runs (channel {@code eval}) are never counted.
 */
package com.northbridge.assistant.analytics;
