package com.northbridge.assistant.banking;

import java.math.BigDecimal;
import java.time.Instant;

/** A booked movement on an account; a negative amount is money out. */
public record TransactionView(Instant bookedAt, BigDecimal amount, String currency, String counterparty, String description,
                              String category, BigDecimal balanceAfter) {
}
