package com.northbridge.assistant.knowledge;

/** Which retrieval methods run: the product uses HYBRID; the other two exist to measure it. */
public enum SearchMode {
    VECTOR, KEYWORD, HYBRID
}
