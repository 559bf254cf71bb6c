package com.northbridge.assistant.chat;

/** A source an answer cites: its stable id, the document, the section or article, and a snippet. */
public record Citation(String citationId, String documentTitle, String section, String article, String citation,
                       String sourcePath, String snippet) {
}
