package com.northbridge.assistant.banking;

import java.math.BigDecimal;
import java.util.UUID;

/** A transfer to execute, exactly as a reviewer approved it. */
public record TransferOrder(UUID id, String customerId, String fromAccount, String payeeName, String payeeAccount,
                            BigDecimal amount, String currency) {
}
