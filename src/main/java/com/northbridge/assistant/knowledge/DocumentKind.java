package com.northbridge.assistant.knowledge;

import java.util.Locale;
import java.util.Optional;

/** What a document is, which decides how answers may use it and how it is filtered. */
public enum DocumentKind {
    PRODUCT, REGULATION, FAQ;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DocumentKind> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return switch (code.trim().toLowerCase(Locale.ROOT)) {
            case "product", "products" -> Optional.of(PRODUCT);
            case "regulation", "regulations", "rules" -> Optional.of(REGULATION);
            case "faq", "faqs" -> Optional.of(FAQ);
            default -> Optional.empty();
        };
    }
}
