package com.northbridge.assistant.chat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.northbridge.assistant.text.Language;

/**
 * A prompt from prompts/: its id and version (recorded with every assistant message) and its text, with
 * {{placeholders}}. A prompt whose lines start with "en:" and "zh:" holds a fixed text per language.
 */
public record Prompt(String id, int version, String text) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    /** "system@1": how a stored message names the prompts that made it. */
    public String reference() {
        return id + "@" + version;
    }

    public String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("prompt " + reference() + " needs a value for {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    /** The fixed text for one language of a per-language prompt. */
    public String in(Language language) {
        String prefix = language.code() + ":";
        return text.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip()).findFirst()
                .orElseThrow(() -> new IllegalStateException("prompt " + reference() + " has no line for " + prefix));
    }
}
