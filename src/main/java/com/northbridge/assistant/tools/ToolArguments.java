package com.northbridge.assistant.tools;

import java.math.BigDecimal;
import java.util.Map;

/** The typed arguments of each tool, as the model must write them (JSON, checked against these records). */
public final class ToolArguments {

    private ToolArguments() {
    }

    /** lookup_balance: one account (last four digits or the full number), or all when absent. */
    public record BalanceQuery(String account, Integer transactions) {
    }

    /** validate_form: the form's type and its fields as the customer gave them. */
    public record FormCheck(String form, Map<String, String> fields) {
    }

    /** check_transfer_risk and request_transfer. The paying account defaults to the customer's main CNY account. */
    public record TransferDetails(String fromAccount, String payeeName, String payeeAccount, BigDecimal amount, String currency,
                                  String idempotencyKey) {
    }
}
