package com.northbridge.assistant.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a customer may be shown whoever else it might also match: their own accounts, payees and contact
 * details, whatever they typed in the conversation (a payee's account number for a transfer they asked for),
 * and the bank's public contacts. Texts are compared without spaces, dashes and case, so "6222 0288 ..." typed
 * covers "62220288..." answered, and "尾号9196" is covered by any number of theirs that ends in 9196.
 */
final class KnownIdentifiers {

    private final List<String> texts = new ArrayList<>();

    KnownIdentifiers add(String text) {
        if (text != null && !text.isBlank()) {
            texts.add(compact(text));
        }
        return this;
    }

    boolean covers(Identifier id) {
        String value = compact(id.value());
        if (id.kind() == Identifier.Kind.ACCOUNT_SUFFIX) {
            // The end of a number the customer has, not four digits from its middle ("0288" of "62220288...").
            Pattern end = Pattern.compile(Pattern.quote(value) + "(?!\\d)");
            return texts.stream().anyMatch(t -> end.matcher(t).find());
        }
        return texts.stream().anyMatch(t -> t.contains(value));
    }

    private static String compact(String text) {
        return text.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
    }
}
