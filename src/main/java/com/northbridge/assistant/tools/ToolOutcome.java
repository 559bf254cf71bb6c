package com.northbridge.assistant.tools;

import java.util.UUID;

import com.northbridge.assistant.risk.RiskDecision;

/**
 * What became of one tool call: the JSON result the model reads, the gate's decision, whether it ran, and
 * the transfer request it produced (if any), which the customer sees as a pending action.
 */
public record ToolOutcome(UUID id, String name, String arguments, String result, RiskDecision decision, boolean executed,
                          PendingAction pending) {
}
