package com.northbridge.assistant.chat;

import java.time.LocalDate;
import java.util.Optional;

/** What a customer's message says about an action: amount, payee, one of their accounts, a date. */
public record Slots(Optional<Amount> amount, Optional<String> payee, Optional<String> accountSuffix, Optional<LocalDate> date) {

    public static final Slots NONE = new Slots(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public boolean isEmpty() {
        return amount.isEmpty() && payee.isEmpty() && accountSuffix.isEmpty() && date.isEmpty();
    }
}
