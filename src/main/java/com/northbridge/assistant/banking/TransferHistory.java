package com.northbridge.assistant.banking;

import java.math.BigDecimal;

/**
 * What the risk rules need to know about a customer's earlier outgoing transfers: today's total and count
 * (the daily limits), the last hour (velocity), the last twelve months' typical and largest amounts, and how
 * many recent transfers sat just under the large-value reporting threshold (structuring).
 */
public record TransferHistory(BigDecimal outgoingToday, int countToday, int countLastHour, BigDecimal median12Months,
                              BigDecimal max12Months, int count12Months, int justUnderThreshold30Days,
                              BigDecimal largestSinceContactChange) {
}
