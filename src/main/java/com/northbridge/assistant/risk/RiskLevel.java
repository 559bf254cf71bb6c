package com.northbridge.assistant.risk;

import java.util.Locale;

/** Blue is automatic, yellow is executed, logged and sampled into review, red is never executed by the assistant. */
public enum RiskLevel {
    BLUE, YELLOW, RED;

    public RiskLevel max(RiskLevel other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RiskLevel fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
