package com.northbridge.assistant.banking;

import java.math.BigDecimal;

/** One of a customer's accounts with its balance and the limits that apply to transfers from it. */
public record AccountView(String id, String product, String currency, BigDecimal balance, BigDecimal singleLimit,
                          BigDecimal dailyLimit) {

    /** The last four digits: what customers and the model call an account by. */
    public String suffix() {
        return id.substring(id.length() - 4);
    }
}
