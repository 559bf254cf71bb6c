package com.northbridge.assistant.transfer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A transfer as the customer and reviewers see it; account numbers are shown by their last four digits. */
public record TransferView(UUID id, UUID caseId, String status, String fromAccount, String payeeName, String payeeAccount, BigDecimal amount,
                           String currency, int riskScore, List<String> riskReasons, Instant requestedAt, Instant decidedAt, String failureReason) {

    public static TransferView of(Transfer t, UUID caseId) {
        return new TransferView(t.id, caseId, t.status, mask(t.fromAccount), t.payeeName, mask(t.payeeAccount), t.amount, t.currency, t.riskScore,
                List.of(t.riskReasons), t.requestedAt, t.decidedAt, t.failureReason);
    }

    public static String mask(String account) {
        return account == null || account.length() < 4 ? account : "****" + account.substring(account.length() - 4);
    }
}
