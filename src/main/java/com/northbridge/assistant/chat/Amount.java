package com.northbridge.assistant.chat;

import java.math.BigDecimal;

/** An amount of money a customer mentioned: exact decimal value and ISO currency code. */
public record Amount(BigDecimal value, String currency) {

    public Amount {
        if (value == null || value.signum() < 0) {
            throw new IllegalArgumentException("an amount is zero or more");
        }
        value = value.stripTrailingZeros();
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
    }

    public static Amount cny(String value) {
        return new Amount(new BigDecimal(value), "CNY");
    }
}
