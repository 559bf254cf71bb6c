package com.northbridge.assistant.banking;

import java.time.Instant;

/** A payee a customer has saved. Transfers to a payee added in the last 24 hours are capped. */
public record PayeeView(String name, String accountNumber, String bankName, Instant addedAt) {
}
