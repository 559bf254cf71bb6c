package com.northbridge.assistant.chat;

/** A retrieved passage as the model sees it: citation id, the label a customer reads, and the text. */
public record Source(String citationId, String label, String text) {
}
