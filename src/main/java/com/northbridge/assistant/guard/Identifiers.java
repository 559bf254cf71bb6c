package com.northbridge.assistant.guard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.northbridge.assistant.text.Language;

/**
 * Finds identifiers in a text: the personal data {@link PiiShield} masks (account and card numbers, resident
 * IDs, mobile numbers, e-mail addresses, IBANs), and the masked account numbers customers and the bank name an
 * account by ("****1234", "尾号1234", "ending in 1234"). Also says where a streamed text may still be in the
 * middle of one, and which sentence one stands in.
 */
final class Identifiers {

    /** The last four digits after a mask or a word that says they are the end of an account number. */
    private static final Pattern SUFFIX = Pattern.compile(
            "(?:尾号|末四位|后四位|尾数)(?:为|是)?\\s*[:：]?\\s*(\\d{4})(?!\\d)"
                    + "|(?:\\*{2,}|[•·]{2,}|\\.{3}|…|(?<![A-Za-z])[xX]{4,}) ?(\\d{4})(?!\\d)"
                    + "|(?i:\\bending(?: in| with)?|\\bends (?:in|with)|\\blast (?:four|4) digits(?: (?:are|is|of))?)\\s*[:：]?\\s*(\\d{4})(?!\\d)");
    /**
     * The end of a text that may still grow into an identifier: digits (with the spaces and dashes that group
     * them), or a run of the characters of e-mail addresses and masks. Han characters never continue one.
     */
    private static final Pattern OPEN_END = Pattern.compile("(?:\\+?\\d[\\d \\-]*|[\\w.%+\\-@*•·…]+)\\z");
    /** How far back from the end an open identifier is first looked for: further than any identifier is long. */
    private static final int OPEN_END_LOOKBACK = 128;
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?；;\\n]|\\.(?=\\s|\\z)");

    /** A sentence of a text; {@code ended} when its closing punctuation is already there. */
    record Sentence(String text, boolean ended) {
    }

    private Identifiers() {
    }

    /** Every identifier in the text, in order of position; digits inside a longer number are not counted again. */
    static List<Identifier> in(String text) {
        List<Identifier> found = new ArrayList<>();
        for (PiiShield.Kind kind : PiiShield.KINDS) {
            Matcher m = kind.pattern().matcher(text);
            while (m.find()) {
                if (free(found, m.start(), m.end())) {
                    Identifier.Kind k = kindOf(kind.label());
                    found.add(new Identifier(k, normalise(k, m.group()), m.start(), m.end()));
                }
            }
        }
        Matcher m = SUFFIX.matcher(text);
        while (m.find()) {
            if (free(found, m.start(), m.end())) {
                String digits = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                found.add(new Identifier(Identifier.Kind.ACCOUNT_SUFFIX, digits, m.start(), m.end()));
            }
        }
        found.sort(Comparator.comparingInt(Identifier::start));
        return found;
    }

    /**
     * How much of a text that is still being written can be judged: everything before an ending that may
     * still grow into an identifier ("6222 0288", "james.car").
     */
    static int settled(String text) {
        // Only the end can be open: look at the last characters, and at the whole text only when the open end
        // reaches back past them. A streamed answer asks this at every token, so a scan from the start each
        // time made checking an answer cost the square of its length.
        if (text.isEmpty() || Language.isHan(text.charAt(text.length() - 1))) {
            return text.length(); // Han characters never continue an identifier
        }
        int from = Math.max(0, text.length() - OPEN_END_LOOKBACK);
        Matcher m = OPEN_END.matcher(text).region(from, text.length());
        if (!m.find()) {
            return text.length();
        }
        if (m.start() > from || from == 0) {
            return m.start();
        }
        Matcher whole = OPEN_END.matcher(text);
        return whole.find() ? whole.start() : text.length();
    }

    /**
     * Where the sentence holding position {@code at} begins: no identifier spans the end of a sentence, so
     * looking for identifiers ending after {@code at} can start there.
     */
    static int sentenceStart(String text, int at) {
        for (int i = Math.min(at, text.length()) - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if ("。！？!?；;".indexOf(c) >= 0 || c == '.' && i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1))) {
                return i + 1;
            }
        }
        return 0;
    }

    /** As {@link #in(String)} for the text between a sentence start and {@code to}, at the text's own positions. */
    static List<Identifier> in(String text, int sentenceStart, int to) {
        if (!mayHold(text, sentenceStart, to)) {
            return List.of();
        }
        List<Identifier> found = in(text.substring(sentenceStart, to));
        if (sentenceStart == 0) {
            return found;
        }
        return found.stream().map(id -> new Identifier(id.kind(), id.value(), id.start() + sentenceStart, id.end() + sentenceStart)).toList();
    }

    /** The sentence the identifier stands in. */
    static Sentence sentenceOf(String text, Identifier id) {
        int start = 0;
        Matcher m = SENTENCE_END.matcher(text);
        while (m.find()) {
            if (m.end() <= id.start()) {
                start = m.end();
            } else if (m.start() >= id.end()) {
                return new Sentence(text.substring(start, m.end()), true);
            }
        }
        return new Sentence(text.substring(start), false);
    }

    /** Every identifier has a digit or an '@' in it: text with neither holds none, and needs no pattern run over it. */
    private static boolean mayHold(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' || c == '@') {
                return true;
            }
        }
        return false;
    }

    private static boolean free(List<Identifier> found, int start, int end) {
        return found.stream().noneMatch(f -> f.start() < end && start < f.end());
    }

    private static Identifier.Kind kindOf(String label) {
        return switch (label) {
            case "EMAIL" -> Identifier.Kind.EMAIL;
            case "IBAN" -> Identifier.Kind.IBAN;
            case "ID" -> Identifier.Kind.RESIDENT_ID;
            case "CARD" -> Identifier.Kind.ACCOUNT_NUMBER;
            case "PHONE" -> Identifier.Kind.MOBILE;
            default -> throw new IllegalArgumentException("No identifier kind for " + label);
        };
    }

    private static String normalise(Identifier.Kind kind, String raw) {
        return switch (kind) {
            case EMAIL -> raw.toLowerCase(Locale.ROOT);
            case IBAN, RESIDENT_ID -> raw.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
            case MOBILE -> {
                String digits = raw.replaceAll("\\D", "");
                yield digits.length() == 13 && digits.startsWith("86") ? digits.substring(2) : digits;
            }
            default -> raw.replaceAll("\\D", "");
        };
    }
}
