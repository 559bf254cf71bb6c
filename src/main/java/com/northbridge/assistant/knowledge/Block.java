package com.northbridge.assistant.knowledge;

/** One structural piece of a parsed document: a heading with its level (1 = title) or a paragraph. */
public record Block(Type type, int level, String text) {

    public enum Type {
        HEADING, PARAGRAPH
    }

    public static Block heading(int level, String text) {
        return new Block(Type.HEADING, level, text);
    }

    public static Block paragraph(String text) {
        return new Block(Type.PARAGRAPH, 0, text);
    }

    public boolean isHeading() {
        return type == Type.HEADING;
    }
}
