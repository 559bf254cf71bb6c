package com.northbridge.assistant.tools;

import java.math.BigDecimal;
import java.util.UUID;

/** A request the customer made that waits for a person: shown in the chat as a card with its status. */
public record PendingAction(String kind, UUID transferId, UUID caseId, String status, BigDecimal amount, String currency, String payeeName) {
}
