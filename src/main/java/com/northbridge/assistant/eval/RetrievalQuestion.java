package com.northbridge.assistant.eval;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One retrieval question of evals/retrieval/: the places in the corpus that answer it (any one counts),
 * or {@code answerable: false} when nothing in the corpus does.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record RetrievalQuestion(String id, String lang, String question, List<Place> expect, Boolean answerable) {

    /** A document (path under knowledge-docs/) and, optionally, a heading text or article label inside it. */
    public record Place(String doc, String section) {
    }

    public boolean isAnswerable() {
        return answerable == null || answerable;
    }

    public List<Place> places() {
        return expect == null ? List.of() : expect;
    }
}
