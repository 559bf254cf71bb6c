package com.northbridge.assistant.chat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.northbridge.assistant.text.KeywordTokenizer;
import com.northbridge.assistant.text.Language;

/**
 * The offline engine's answers: the sentences of the retrieved passages that share the most terms with
 * the question, each followed by the citation id of its passage. It never writes a sentence of its own
 * about products or rules, so it cannot invent a fee or a limit; when no sentence shares a term with the
 * question there is no answer.
 */
public final class ExtractiveAnswerer {

    private static final int MAX_SENTENCES = 3;
    /**
     * Share of the question's terms the chosen sentences must contain together. Below it the sentences are
     * only near the topic ("safe deposit box" meets "deposit insurance"), and not answering is safer.
     * Chinese questions carry many bigrams that span two words ("人当", "能转"), so their share is lower.
     */
    static final double MIN_COVERAGE_EN = 0.5;
    static final double MIN_COVERAGE_ZH = 0.25;

    private ExtractiveAnswerer() {
    }

    private record Candidate(Source source, int sourceRank, int position, String sentence, double score) {
    }

    public static Optional<String> answer(String question, List<Source> sources, Language language) {
        Set<String> asked = new HashSet<>(KeywordTokenizer.terms(question));
        if (asked.isEmpty()) {
            return Optional.empty();
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int rank = 0; rank < sources.size(); rank++) {
            Source source = sources.get(rank);
            List<String> sentences = sentences(source.text());
            for (int i = 0; i < sentences.size(); i++) {
                Set<String> terms = new HashSet<>(KeywordTokenizer.terms(sentences.get(i)));
                long shared = asked.stream().filter(terms::contains).count();
                if (shared == 0) {
                    continue;
                }
                // Share of the question covered, nudged towards better-ranked passages and earlier sentences.
                double score = shared / (double) asked.size() / (1 + 0.25 * rank) / (1 + 0.05 * i);
                candidates.add(new Candidate(source, rank, i, sentences.get(i), score));
            }
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Candidate best = candidates.stream().max(Comparator.comparingDouble(Candidate::score)).orElseThrow();
        // Keep the best sentence's neighbours from the same passage first: they read as one answer.
        List<Candidate> chosen = candidates.stream()
                .filter(c -> c.score() >= best.score() * 0.5)
                .sorted(Comparator.comparingDouble(Candidate::score).reversed())
                .limit(MAX_SENTENCES)
                .sorted(Comparator.comparingInt(Candidate::sourceRank).thenComparingInt(Candidate::position))
                .toList();
        Set<String> covered = new HashSet<>();
        chosen.forEach(c -> covered.addAll(KeywordTokenizer.terms(c.sentence())));
        double minimum = language == Language.ZH ? MIN_COVERAGE_ZH : MIN_COVERAGE_EN;
        if (asked.stream().filter(covered::contains).count() < minimum * asked.size()) {
            return Optional.empty();
        }
        StringBuilder answer = new StringBuilder();
        for (Candidate c : chosen) {
            if (!answer.isEmpty()) {
                answer.append(language == Language.ZH ? "" : " ");
            }
            answer.append(c.sentence().strip()).append(" [").append(c.source().citationId()).append(']');
        }
        return Optional.of(answer.toString());
    }

    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        for (String part : text.split("(?<=[。！？；!?])|(?<=[.;])\\s+|\\R")) {
            String s = part.strip().replaceFirst("^[•\\-*]\\s*", "");
            if (s.length() > 1) {
                sentences.add(s);
            }
        }
        return sentences;
    }
}
