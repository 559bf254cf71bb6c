package com.northbridge.assistant.text;

import java.util.Locale;
import java.util.Optional;

/** The languages customers write in and documents are written in. */
public enum Language {
    ZH, EN;

    /** Below this share of Han characters among letters a text counts as English. */
    private static final double HAN_SHARE_FOR_CHINESE = 0.3;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return switch (code.trim().toLowerCase(Locale.ROOT)) {
            case "zh", "zh-cn", "zh-hans", "cn", "chinese" -> Optional.of(ZH);
            case "en", "en-us", "en-gb", "english" -> Optional.of(EN);
            default -> Optional.empty();
        };
    }

    /**
     * Chinese text routinely carries Latin words ("App", "U-Key", "CNY"), English text rarely carries Han
     * characters, so the share of Han characters among letters decides.
     */
    public static Language detect(CharSequence text) {
        long han = 0;
        long latin = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            if (isHan(cp)) {
                han++;
            } else if (Character.isLetter(cp)) {
                latin++;
            }
            i += Character.charCount(cp);
        }
        if (han + latin == 0) {
            return EN;
        }
        return (double) han / (han + latin) >= HAN_SHARE_FOR_CHINESE ? ZH : EN;
    }

    /** Han characters and CJK punctuation: text made of them is written without spaces. */
    public static boolean isCjk(int codePoint) {
        return isHan(codePoint) || (codePoint >= 0x3000 && codePoint <= 0x303F) || (codePoint >= 0xFF00 && codePoint <= 0xFFEF);
    }

    public static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
