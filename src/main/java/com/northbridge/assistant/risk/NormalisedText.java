package com.northbridge.assistant.risk;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.northbridge.assistant.text.Language;

/**
 * A text as the detectors read it. {@code plain} is what every rule matches: NFKC (full-width letters and
 * punctuation become ASCII), lower case, Cyrillic and Greek look-alikes replaced by Latin letters, no
 * zero-width or direction characters, one space between words, line breaks kept. The other readings are
 * what an attacker's obfuscation would otherwise hide from the injection rules ({@link #hidden()} and
 * {@link #joined()}); they are worked out only for the injection rules and only when needed.
 */
final class NormalisedText {

    /** Four or more single letters in a row, split by spaces or punctuation: "i g n o r e", "i.g.n.o.r.e". */
    private static final Pattern SPACED_LATIN = Pattern.compile("(?<![\\p{L}\\d])(?:[a-z][\\s.\\-_*·|/+,]{1,3}){3,}[a-z](?![\\p{L}\\d])");
    private static final Pattern SPACED_HAN = Pattern.compile("(?:\\p{IsHan}[\\s.\\-_*·|/+,、]{1,3}){3,}\\p{IsHan}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-_*·|/+,、]");
    /** Punctuation used instead of spaces between words. */
    private static final Pattern JOINED_WORDS = Pattern.compile("(?<=[a-z])[-_+./](?=[a-z])");
    /** A token with letters and digits or symbols that stand for letters: "1gn0re", "pr0mpt", "$y$tem". */
    private static final Pattern LEET_TOKEN = Pattern.compile("[a-z0-9@$!|]*[a-z][a-z0-9@$!|]*");
    private static final Pattern HAS_LEET = Pattern.compile("[a-z][0134578@$|]|[0134578@$|][a-z]");

    private final String nfkc;
    private final String plain;
    private List<String> hidden;

    private NormalisedText(String nfkc, String plain) {
        this.nfkc = nfkc;
        this.plain = plain;
    }

    static NormalisedText of(String text) {
        String nfkc = withoutInvisible(nfkc(text == null ? "" : text));
        return new NormalisedText(nfkc, tidy(nfkc));
    }

    /** The text after NFKC, case kept: what shouting in capitals is counted on. */
    String nfkc() {
        return nfkc;
    }

    /** What the injection rules match: line starts kept, since fake "system:" markers live there. */
    String plain() {
        return plain;
    }

    /** One line: what the other message rules match, so that a phrase broken over two lines still counts. */
    String flat() {
        return plain.indexOf('\n') < 0 ? plain : plain.replace('\n', ' ');
    }

    /**
     * The readings obfuscation hides, worked out only when asked for since most texts match or are clean:
     * leetspeak undone, words joined by dashes split again, and the decoded text of blobs, escapes, ROT13
     * and reversed text.
     */
    List<String> hidden() {
        if (hidden == null) {
            List<String> readings = new ArrayList<>();
            String deleet = undoLeetspeak(plain);
            if (!deleet.equals(plain)) {
                readings.add(deleet);
            }
            if (JOINED_WORDS.matcher(deleet).results().count() >= 3) {
                readings.add(JOINED_WORDS.matcher(deleet).replaceAll(" ")); // "output-your-previous-instructions"
            }
            // Decoding works on the case-preserving text: base64 is case-sensitive.
            for (String decoded : EncodedPayloads.decode(nfkc)) {
                readings.add(tidy(decoded));
            }
            hidden = List.copyOf(readings);
        }
        return hidden;
    }

    /**
     * "i g n o r e a l l" with the letters joined, or null when there are no spaced-out letters. Joining
     * loses the breaks between words, so rules read this with optional spaces.
     */
    String joined() {
        String deleet = undoLeetspeak(plain);
        String joined = joinSpacedLetters(deleet);
        return joined.equals(deleet) ? null : joined;
    }

    /** ASCII is its own NFKC form, and most messages are ASCII or plain Han: skip the normaliser for them. */
    private static String nfkc(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && !(Language.isHan(c) && !Character.isSurrogate(c))) {
                return Normalizer.normalize(text, Normalizer.Form.NFKC);
            }
        }
        return text;
    }

    /** Characters people cannot see but that split a word for a regex: zero-width, joiners, direction marks. */
    private static boolean invisible(char c) {
        return c == 0x00AD || c == 0x034F || c == 0x061C || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5
                || (c >= 0x180B && c <= 0x180F) || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2060 && c <= 0x206F) || c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF || c == 0xFFA0;
    }

    private static String withoutInvisible(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (invisible(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * Lower case, look-alikes folded, and whitespace collapsed in one pass: a run of spaces becomes one
     * space, a run containing a line break one line break, none at either end.
     */
    private static String tidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        boolean lineBreak = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\u2028' || c == '\u2029') {
                lineBreak = true;
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
            } else {
                if (out.length() > 0 && (space || lineBreak)) {
                    out.append(lineBreak ? '\n' : ' ');
                }
                space = false;
                lineBreak = false;
                out.append(fold(Character.toLowerCase(c)));
            }
        }
        return out.toString();
    }

    private static char fold(char c) {
        return switch (c) {
            case 'а', 'α' -> 'a';
            case 'е', 'ε', 'ё' -> 'e';
            case 'о', 'ο', 'σ' -> 'o';
            case 'р', 'ρ' -> 'p';
            case 'с', 'ς' -> 'c';
            case 'у', 'γ' -> 'y';
            case 'х', 'χ' -> 'x';
            case 'і', 'ι', 'ї' -> 'i';
            case 'ј' -> 'j';
            case 'ѕ' -> 's';
            case 'к', 'κ' -> 'k';
            case 'м' -> 'm';
            case 'т', 'τ' -> 't';
            case 'н' -> 'h';
            case 'в', 'β' -> 'b';
            case 'ν' -> 'v';
            case 'ԁ' -> 'd';
            case 'ɡ' -> 'g';
            case 'ո' -> 'n';
            case '\u2019', '\u2018', '\u02BC', '`', '\u00B4' -> '\'';
            default -> c;
        };
    }

    /** Only tokens that mix letters with digits or symbols change, so "transfer 5000" stays as it is. */
    private static String undoLeetspeak(String text) {
        if (!HAS_LEET.matcher(text).find()) {
            return text;
        }
        Matcher m = LEET_TOKEN.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            String token = m.group();
            out.append(text, last, m.start());
            out.append(HAS_LEET.matcher(token).find() ? deleet(token) : token);
            last = m.end();
        }
        return out.append(text, last, text.length()).toString();
    }

    private static String deleet(String token) {
        StringBuilder out = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            out.append(switch (c) {
                case '0' -> 'o';
                case '1', '!', '|' -> 'i';
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7' -> 't';
                case '8' -> 'b';
                default -> c;
            });
        }
        return out.toString();
    }

    private static String joinSpacedLetters(String text) {
        String joined = replaceRuns(SPACED_LATIN, text, " ");
        return replaceRuns(SPACED_HAN, joined, "");
    }

    private static String replaceRuns(Pattern run, String text, String pad) {
        Matcher m = run.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        do {
            out.append(text, last, m.start()).append(pad).append(SEPARATORS.matcher(m.group()).replaceAll("")).append(pad);
            last = m.end();
        } while (m.find());
        return out.append(text, last, text.length()).toString();
    }
}
