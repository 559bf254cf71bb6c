package com.northbridge.assistant.guard;

/**
 * Something in a text that points at one person or one account, where it stands ({@code start} to {@code end})
 * and its value normalised for comparison: digits only for numbers (a resident ID may end in X), lower case
 * for e-mail addresses, the last digits for a masked account number.
 */
public record Identifier(Kind kind, String value, int start, int end) {

    public enum Kind {
        ACCOUNT_NUMBER("an account or card number"),
        ACCOUNT_SUFFIX("the last digits of an account number"),
        RESIDENT_ID("a resident ID number"),
        MOBILE("a mobile number"),
        EMAIL("an e-mail address"),
        IBAN("an IBAN");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        /** What it is in plain words, for reviewers: never the value itself. */
        public String words() {
            return words;
        }
    }
}
