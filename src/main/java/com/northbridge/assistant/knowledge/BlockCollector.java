package com.northbridge.assistant.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Listens to the XHTML events Tika emits for any format and keeps headings (h1–h6) apart from text
 * blocks (p, li, table rows, pre, ...). A table row becomes one block with its cells joined by " | ",
 * so a fee and its label stay together.
 */
final class BlockCollector extends DefaultHandler {

    private final List<Block> blocks = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private int headingLevel;
    private int rowDepth;
    private boolean inBody;
    private int ignoredDepth;
    private int cells;

    List<Block> blocks() {
        flush();
        return blocks;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        String name = name(localName, qName);
        if (name.equals("body")) {
            inBody = true;
            return;
        }
        if (name.equals("head") || name.equals("script") || name.equals("style") || name.equals("title")) {
            ignoredDepth++;
            return;
        }
        if (name.length() == 2 && name.charAt(0) == 'h' && Character.isDigit(name.charAt(1))) {
            flush();
            headingLevel = name.charAt(1) - '0';
        } else if (name.equals("tr")) {
            flush();
            rowDepth++;
            cells = 0;
        } else if ((name.equals("td") || name.equals("th")) && rowDepth > 0) {
            if (cells++ > 0) {
                text.append(" | ");
            } else {
                text.setLength(0);
            }
        } else if (isBlock(name)) {
            if (rowDepth == 0) {
                flush();
            }
        } else if (name.equals("br")) {
            text.append('\n');
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String name = name(localName, qName);
        if (name.equals("head") || name.equals("script") || name.equals("style") || name.equals("title")) {
            ignoredDepth = Math.max(0, ignoredDepth - 1);
            return;
        }
        if (name.length() == 2 && name.charAt(0) == 'h' && Character.isDigit(name.charAt(1))) {
            flush();
        } else if (name.equals("tr")) {
            flush();
            rowDepth = Math.max(0, rowDepth - 1);
        } else if (isBlock(name) && rowDepth == 0) {
            flush();
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (ignoredDepth == 0 && inBody) {
            text.append(ch, start, length);
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        characters(ch, start, length);
    }

    private void flush() {
        String value = text.toString().replace('\u00a0', ' ').strip();
        if (rowDepth > 0) {
            value = value.replaceAll("\\s+", " ");
        }
        text.setLength(0);
        if (!value.isEmpty()) {
            blocks.add(headingLevel > 0 ? Block.heading(headingLevel, value.replaceAll("\\s+", " ")) : Block.paragraph(value));
        }
        headingLevel = 0;
    }

    private static boolean isBlock(String name) {
        return switch (name) {
            case "p", "li", "div", "pre", "blockquote", "dt", "dd", "caption", "table", "ul", "ol" -> true;
            default -> false;
        };
    }

    private static String name(String localName, String qName) {
        return (localName == null || localName.isEmpty() ? qName : localName).toLowerCase(Locale.ROOT);
    }
}
