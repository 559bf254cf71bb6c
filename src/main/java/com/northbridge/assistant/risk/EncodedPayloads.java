package com.northbridge.assistant.risk;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds blobs an attacker may hide instructions in (base64, hex, \\x and \\u escapes, HTML entities,
 * percent-encoding, ROT13, reversed text) and returns what they decode to when that is readable text.
 * Customers have little reason to send these to a bank's chat, and the decoded text still has to match
 * an injection rule, so decoding costs next to nothing in precision.
 */
final class EncodedPayloads {

    /** Below 16 characters a blob holds at most 12 bytes: too short to carry an instruction. */
    private static final int MIN_BLOB = 16;
    private static final int MAX_BLOBS = 8;
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]{" + MIN_BLOB + ",}={0,2}");
    private static final Pattern HEX = Pattern.compile("(?<![0-9A-Za-z])(?:0x)?(?:[0-9A-Fa-f]{2}[\\s:,]?){8,}(?![0-9A-Za-z])");
    private static final Pattern BINARY = Pattern.compile("(?<![01])(?:[01]{8}[\\s,]?){6,}");
    private static final Pattern BYTE_ESCAPES = Pattern.compile("(?:\\\\x[0-9A-Fa-f]{2}){4,}");
    private static final Pattern UNICODE_ESCAPES = Pattern.compile("(?:\\\\u[0-9A-Fa-f]{4}|\\\\U[0-9A-Fa-f]{8}|&#x?[0-9A-Fa-f]{2,6};|%[0-9A-Fa-f]{2}|\\\\x[0-9A-Fa-f]{2})");
    private static final Pattern NON_HEX = Pattern.compile("[^0-9A-Fa-f]");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");
    private static final Set<String> COMMON_WORDS = Set.of("the", "to", "and", "of", "is", "it", "in", "my", "you", "me",
            "for", "on", "can", "how", "what", "do", "this", "that", "with", "have", "be", "are", "was", "not", "your", "all", "an", "at",
            "if", "or", "so", "from", "why", "when", "will", "there", "get", "has", "but", "please", "am", "does", "did", "would", "should");
    private static final Pattern MENTIONS_ENCODING = Pattern.compile("(?i)rot-?13|caesar|cipher|decode|backwards|reversed?|encoded|base64");

    private EncodedPayloads() {
    }

    static List<String> decode(String text) {
        List<String> out = new ArrayList<>();
        if (mayHoldBlob(text)) {
            decodeBlobs(text, out, 0);
        }
        if (text.indexOf('\\') >= 0 || text.indexOf('&') >= 0 || text.indexOf('%') >= 0) {
            String escapes = unescape(text);
            if (escapes != null) {
                out.add(escapes);
            }
        }
        // ROT13 and reversed text only when the text does not read as plain English already, or says it is encoded.
        if (latinWords(text) >= 3 && (!readsAsEnglish(text) || MENTIONS_ENCODING.matcher(text).find())) {
            out.add(rot13(text));
            out.add(new StringBuilder(text).reverse().toString());
        } else if (hasHan(text) && text.length() >= 6) {
            out.add(new StringBuilder(text).reverse().toString());
        }
        return out;
    }

    /** At least a fifth of the words are among the commonest English words. */
    private static boolean readsAsEnglish(String text) {
        int words = 0;
        int common = 0;
        Matcher m = LATIN_WORD.matcher(text);
        while (m.find()) {
            words++;
            if (COMMON_WORDS.contains(m.group().toLowerCase(Locale.ROOT))) {
                common++;
            }
        }
        return common * 5 >= words;
    }

    /** A cheap look before the regexes: a run of 16 base64 characters, eight hex pairs or six binary octets. */
    private static boolean mayHoldBlob(String text) {
        int run = 0;
        int hexPairs = 0;
        int hexRun = 0;
        int octets = 0;
        int bitRun = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '0' || c == '1') {
                bitRun++;
            } else {
                octets += bitRun == 8 ? 1 : 0;
                bitRun = 0;
            }
            boolean b64 = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '_' || c == '-' || c == '=';
            run = b64 ? run + 1 : 0;
            if (run >= MIN_BLOB) {
                return true;
            }
            boolean hex = Character.digit(c, 16) >= 0 && c < 0x80;
            if (hex) {
                hexRun++;
            } else {
                if (hexRun == 2) {
                    hexPairs++;
                }
                hexRun = 0;
            }
        }
        octets += bitRun == 8 ? 1 : 0;
        return hexPairs + (hexRun == 2 ? 1 : 0) >= 8 || octets >= 6 || text.contains("\\x");
    }

    private static void decodeBlobs(String text, List<String> out, int depth) {
        int found = 0;
        Matcher hex = HEX.matcher(text);
        while (hex.find() && found < MAX_BLOBS) {
            String digits = NON_HEX.matcher(hex.group().startsWith("0x") ? hex.group().substring(2) : hex.group()).replaceAll("");
            if (digits.length() >= MIN_BLOB && digits.length() % 2 == 0) {
                String decoded = readable(hexBytes(digits));
                if (decoded != null) {
                    out.add(decoded);
                    found++;
                }
            }
        }
        Matcher b64 = BASE64.matcher(text);
        while (b64.find() && found < MAX_BLOBS) {
            String decoded = readable(base64(b64.group()));
            if (decoded != null) {
                out.add(decoded);
                found++;
                if (depth == 0) {
                    decodeBlobs(decoded, out, 1); // base64 of base64, or of hex
                }
            }
        }
        Matcher binary = BINARY.matcher(text);
        while (binary.find() && found < MAX_BLOBS) {
            String bits = binary.group().replaceAll("[^01]", "");
            byte[] bytes = new byte[bits.length() / 8];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) Integer.parseInt(bits, 8 * i, 8 * i + 8, 2);
            }
            String decoded = readable(bytes);
            if (decoded != null) {
                out.add(decoded);
                found++;
            }
        }
        Matcher bytes = BYTE_ESCAPES.matcher(text);
        while (bytes.find() && found < MAX_BLOBS) {
            String decoded = readable(hexBytes(bytes.group().replace("\\x", "")));
            if (decoded != null) {
                out.add(decoded);
                found++;
            }
        }
    }

    /** \\u0069, &#105; and %69 escapes decoded in place; null when there are fewer than three. */
    private static String unescape(String text) {
        Matcher m = UNICODE_ESCAPES.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        int count = 0;
        while (m.find()) {
            String e = m.group();
            int codePoint;
            try {
                if (e.startsWith("&#x")) {
                    codePoint = Integer.parseInt(e.substring(3, e.length() - 1), 16);
                } else if (e.startsWith("&#")) {
                    codePoint = Integer.parseInt(e.substring(2, e.length() - 1));
                } else if (e.startsWith("%")) {
                    codePoint = Integer.parseInt(e.substring(1), 16);
                } else {
                    codePoint = Integer.parseInt(e.substring(2), 16);
                }
            } catch (NumberFormatException ex) {
                continue;
            }
            if (!Character.isValidCodePoint(codePoint)) {
                continue;
            }
            out.append(text, last, m.start()).appendCodePoint(codePoint);
            last = m.end();
            count++;
        }
        if (count < 3) {
            return null;
        }
        return out.append(text, last, text.length()).toString();
    }

    private static byte[] base64(String blob) {
        String standard = blob.replace('-', '+').replace('_', '/').replace("=", "");
        if (standard.length() % 4 == 1) {
            standard = standard.substring(0, standard.length() - 1);
        }
        try {
            return Base64.getDecoder().decode(standard + "==".substring(0, (4 - standard.length() % 4) % 4));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] hexBytes(String digits) {
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(digits, 2 * i, 2 * i + 2, 16);
        }
        return bytes;
    }

    /** Valid UTF-8 made mostly of letters, digits, spaces and punctuation, with at least some words in it. */
    private static String readable(byte[] bytes) {
        if (bytes == null || bytes.length < 6) {
            return null;
        }
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        int good = 0;
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                good++;
            } else if (Character.isDigit(c) || Character.isWhitespace(c) || (c >= 0x21 && c <= 0x7E) || Character.getType(c) == Character.OTHER_PUNCTUATION) {
                good++;
            }
        }
        return good >= 0.9 * s.length() && letters >= 0.5 * s.length() ? s : null;
    }

    private static int latinWords(String text) {
        int n = 0;
        Matcher m = LATIN_WORD.matcher(text);
        while (m.find() && n < 3) {
            n++;
        }
        return n;
    }

    private static boolean hasHan(String text) {
        return text.codePoints().anyMatch(com.northbridge.assistant.text.Language::isHan);
    }

    private static String rot13(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z') {
                c = (char) ('a' + (c - 'a' + 13) % 26);
            } else if (c >= 'A' && c <= 'Z') {
                c = (char) ('A' + (c - 'A' + 13) % 26);
            }
            out.append(c);
        }
        return out.toString();
    }
}
