package com.northbridge.assistant.tools;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** What each tool returns to the model, as JSON. Account numbers leave only as their last four digits. */
public final class ToolResults {

    private ToolResults() {
    }

    public record AccountLine(String account, String product, String currency, BigDecimal balance) {
    }

    public record TransactionLine(String date, BigDecimal amount, String currency, String counterparty, String description) {
    }

    public record Balances(List<AccountLine> accounts, List<TransactionLine> recentTransactions) {
    }

    public record FormCheckResult(String form, boolean valid, List<FieldError> errors) {
    }

    public record RiskCheckResult(int score, boolean flagged, List<String> reasons, List<String> explanations) {
    }

    /**
     * status: pending_review (a case was opened, or already existed: duplicate), invalid (field errors, nothing
     * created), payee_unknown (no saved payee by that name and no account number given).
     */
    public record TransferRequestResult(String status, UUID transferId, UUID caseId, boolean duplicate, BigDecimal amount, String currency,
                                        String payeeName, int riskScore, List<FieldError> errors, String message) {
    }

    /** A call that could not run: bad arguments, or refused by the gate. */
    public record ToolError(String error, String message) {
    }
}
