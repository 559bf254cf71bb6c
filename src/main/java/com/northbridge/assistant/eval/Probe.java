package com.northbridge.assistant.eval;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the assistant's own components make of one question, without a conversation: the intent the turn
 * loop would route it to, the risk gate's level and reasons (refused: the model would never see it), and
 * the passages retrieval would give the model ({@code evidence} false: below the minimum-evidence
 * threshold, so the assistant would say it does not know). Documents are the hits' source paths, best first.
 */
public record Probe(String intent, String risk, List<String> reasons, boolean refused, boolean evidence, List<String> documents) {

    /** The distinct documents among the first {@code k} passages. */
    Set<String> topDocuments(int k) {
        return new LinkedHashSet<>(documents.subList(0, Math.min(k, documents.size())));
    }

    /** Whether one of the first {@code k} passages comes from one of the named documents (file names). */
    boolean hits(List<String> wanted, int k) {
        return topDocuments(k).stream().anyMatch(d -> wanted.stream().anyMatch(w -> d.equals(w) || d.endsWith("/" + w)));
    }
}
