package com.northbridge.assistant.knowledge;

import java.util.List;

/**
 * A citable passage: the headings above it, the article it belongs to (rule texts), its text, and its
 * position. {@code part} counts passages of one over-long section or article, from 0.
 */
public record Chunk(int ordinal, List<String> headingPath, String article, int part, String text) {

    /** The most specific heading, e.g. "3.2 New payees", or null for text above the first heading. */
    public String section() {
        return headingPath.isEmpty() ? null : headingPath.get(headingPath.size() - 1);
    }

    /** How a citation names this passage: "Transfer Limits § 3.2 New payees", "反洗钱管理规定 第十二条". */
    public String citationLabel(String documentTitle) {
        if (article != null) {
            return documentTitle + " " + article;
        }
        return section() == null ? documentTitle : documentTitle + " § " + section();
    }

    /** Title and headings travel with the text into the embedding: they carry most of the topic. */
    public String embeddingText(String documentTitle) {
        StringBuilder sb = new StringBuilder(documentTitle);
        for (String heading : headingPath) {
            sb.append(" > ").append(heading);
        }
        return sb.append('\n').append(text).toString();
    }
}
