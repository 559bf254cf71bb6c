package com.northbridge.assistant.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.northbridge.assistant.text.Language;

/**
 * Recovers structure from text that arrives without markup: Markdown and plain text (Tika sees both as
 * text/plain) and PDF. Text blocks are split into lines; Markdown headings, numbered headings
 * ("3.2 New payees", "Chapter 2 ...", "第二章 ...") and article starts ("Article 12", "第十二条") are
 * recognised, and wrapped lines are joined back into paragraphs.
 */
final class TextStructure {

    static final Pattern ARTICLE_START = Pattern.compile(
            "^(Article\\s+\\d+[A-Za-z]?|第[零〇一二三四五六七八九十百千两\\d]+条(?:之[一二三四五六七八九十]+)?)(?=[\\s　:：.、]|$)");
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*$");
    private static final Pattern CHAPTER_HEADING = Pattern.compile(
            "^((?:Chapter|CHAPTER|Part|PART|Section)\\s+[\\dIVXLC]+\\b.{0,70}|第[零〇一二三四五六七八九十百\\d]+[章节部分编].{0,40})$");
    private static final Pattern NUMBERED_HEADING = Pattern.compile("^(\\d{1,2}(?:\\.\\d{1,2}){0,3})\\.?\\s+(\\S.{0,80})$");
    private static final Pattern MARKDOWN_TABLE_RULE = Pattern.compile("^\\|?\\s*:?-{3,}.*$");
    /** "Version: 2.1", "生效日期：2026年7月1日": document facts, kept as a line of their own. */
    static final Pattern METADATA_LINE = Pattern.compile(
            "(?i)^(version|effective(\\s+date)?|版本(号)?|生效日期|施行日期)\\s*[:：].{0,40}$");
    private static final Pattern SENTENCE_END = Pattern.compile("[.。:：;；,，!！?？]$");

    private TextStructure() {
    }

    /**
     * @param markdown recognise "#" headings (plain text)
     * @param numberedHeadings recognise numbered and chapter headings on their own line (formats that lose
     *        their heading markup, such as PDF and plain text)
     */
    static List<Block> restructure(List<Block> raw, boolean markdown, boolean numberedHeadings) {
        List<Block> out = new ArrayList<>();
        for (Block block : raw) {
            if (block.isHeading()) {
                out.add(Block.heading(block.level(), stripInline(block.text())));
                continue;
            }
            List<String> paragraph = new ArrayList<>();
            for (String rawLine : block.text().split("\\R")) {
                String line = rawLine.strip();
                if (line.isEmpty()) {
                    flush(paragraph, out);
                    continue;
                }
                Block heading = markdown ? markdownHeading(line) : null;
                if (heading == null && numberedHeadings) {
                    heading = numberedHeading(line);
                }
                if (heading != null) {
                    flush(paragraph, out);
                    out.add(heading);
                    continue;
                }
                if (METADATA_LINE.matcher(line).matches()) {
                    flush(paragraph, out);
                    out.add(Block.paragraph(line));
                    continue;
                }
                if (markdown && MARKDOWN_TABLE_RULE.matcher(line).matches() && line.contains("-")) {
                    continue;
                }
                if (ARTICLE_START.matcher(line).find() || startsListItem(line)) {
                    flush(paragraph, out);
                }
                paragraph.add(markdown ? stripInline(tableRow(line)) : line);
            }
            flush(paragraph, out);
        }
        return out;
    }

    private static Block markdownHeading(String line) {
        Matcher m = MARKDOWN_HEADING.matcher(line);
        return m.matches() ? Block.heading(m.group(1).length(), stripInline(m.group(2))) : null;
    }

    private static Block numberedHeading(String line) {
        if (SENTENCE_END.matcher(line).find() || line.length() > 90) {
            return null;
        }
        if (CHAPTER_HEADING.matcher(line).matches()) {
            return Block.heading(line.contains("节") ? 3 : 2, line);
        }
        Matcher m = NUMBERED_HEADING.matcher(line);
        if (m.matches() && !Character.isDigit(m.group(2).codePointAt(0))) {
            int depth = m.group(1).split("\\.").length;
            return Block.heading(1 + depth, line);
        }
        return null;
    }

    private static boolean startsListItem(String line) {
        return line.startsWith("- ") || line.startsWith("* ") || line.startsWith("• ");
    }

    private static String tableRow(String line) {
        if (line.startsWith("|") && line.endsWith("|") && line.length() > 1) {
            return line.substring(1, line.length() - 1).replaceAll("\\s*\\|\\s*", " | ").strip();
        }
        return line;
    }

    /** Markdown emphasis, code and links carry no meaning for retrieval or citation. */
    static String stripInline(String text) {
        return text.replaceAll("\\[([^\\]]+)]\\([^)]*\\)", "$1")
                .replaceAll("(\\*\\*|__)(.+?)\\1", "$2")
                .replaceAll("`([^`]+)`", "$1")
                .strip();
    }

    private static void flush(List<String> lines, List<Block> out) {
        if (lines.isEmpty()) {
            return;
        }
        StringBuilder joined = new StringBuilder();
        for (String line : lines) {
            if (!joined.isEmpty()) {
                boolean list = startsListItem(line);
                int last = joined.codePointBefore(joined.length());
                int first = line.codePointAt(0);
                // A line wrapped next to Chinese joins without a space; English lines with one; list items keep their line.
                joined.append(list ? "\n" : Language.isCjk(last) || Language.isCjk(first) ? "" : " ");
            }
            joined.append(line);
        }
        lines.clear();
        out.add(Block.paragraph(joined.toString()));
    }
}
