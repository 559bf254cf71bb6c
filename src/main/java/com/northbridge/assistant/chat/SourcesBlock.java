package com.northbridge.assistant.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How retrieved passages are written into the prompt, and read back by the offline engine: one place for
 * the format, so the two can never drift apart.
 * <pre>
 * [K1a2b3c4d5e6] Transfer Limits § 1.2 New payees
 * For 24 hours after you add a payee ...
 * </pre>
 */
public final class SourcesBlock {

    private static final Pattern HEADER = Pattern.compile("(?m)^\\[(K[0-9a-z]{6,40})] (.+)$");

    private SourcesBlock() {
    }

    public static String render(List<Source> sources) {
        StringBuilder sb = new StringBuilder();
        for (Source s : sources) {
            if (!sb.isEmpty()) {
                sb.append("\n\n");
            }
            // A passage line that looks like a header would split the passage on reading: indent it.
            String text = HEADER.matcher(s.text()).replaceAll(m -> " " + Matcher.quoteReplacement(m.group()));
            sb.append('[').append(s.citationId()).append("] ").append(s.label()).append('\n').append(text.strip());
        }
        return sb.isEmpty() ? "(no sources found)" : sb.toString();
    }

    public static List<Source> parse(String block) {
        List<Source> sources = new ArrayList<>();
        Matcher m = HEADER.matcher(block);
        List<int[]> spans = new ArrayList<>();
        List<String[]> heads = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            heads.add(new String[] {m.group(1), m.group(2)});
        }
        for (int i = 0; i < spans.size(); i++) {
            int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : block.length();
            sources.add(new Source(heads.get(i)[0], heads.get(i)[1], block.substring(spans.get(i)[1], end).strip()));
        }
        return sources;
    }
}
