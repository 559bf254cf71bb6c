package com.northbridge.assistant.tools;

import java.util.Locale;
import java.util.Optional;

/** The forms the assistant helps customers fill in. */
public enum FormType {
    TRANSFER, NEW_PAYEE, LOAN_APPLICATION, CONTACT_CHANGE;

    /** Accepts {@code transfer}, {@code new_payee}, {@code new-payee}, ... in any case, as a model or a URL writes them. */
    public static Optional<FormType> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (FormType type : values()) {
            if (type.name().equals(key)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
