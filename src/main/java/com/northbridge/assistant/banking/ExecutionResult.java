package com.northbridge.assistant.banking;

import java.math.BigDecimal;

/** What happened when an approved transfer met the ledger: booked, or refused with a reason a person can read. */
public record ExecutionResult(boolean executed, String failureCode, String failure, BigDecimal balanceAfter) {

    public static ExecutionResult booked(BigDecimal balanceAfter) {
        return new ExecutionResult(true, null, null, balanceAfter);
    }

    public static ExecutionResult refused(String code, String reason) {
        return new ExecutionResult(false, code, reason, null);
    }
}
