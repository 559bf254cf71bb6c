package com.northbridge.assistant.eval;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.northbridge.assistant.chat.AssistantConfig;
import com.northbridge.assistant.chat.Intent;
import com.northbridge.assistant.chat.IntentClassifier;
import com.northbridge.assistant.knowledge.HybridRetriever;
import com.northbridge.assistant.knowledge.SearchFilter;
import com.northbridge.assistant.knowledge.SearchResult;
import com.northbridge.assistant.risk.RiskDecision;
import com.northbridge.assistant.risk.RiskGate;
import com.northbridge.assistant.text.Language;

/**
 * Runs one question through the same components the turn loop uses for a first message (intent rules, the
 * risk gate's message signals, hybrid search in the question's language with as many passages as the model
 * is given), without storing anything: thousands of real questions can be measured in a minute.
 */
@ApplicationScoped
public class QuestionProbe {

    private final HybridRetriever retriever;
    private final AssistantConfig assistant;

    public QuestionProbe(HybridRetriever retriever, AssistantConfig assistant) {
        this.retriever = retriever;
        this.assistant = assistant;
    }

    public Probe probe(String question) {
        Intent intent = IntentClassifier.classify(question);
        RiskDecision risk = RiskGate.message(question, intent);
        SearchResult found = retriever.search(question, assistant.sources(), SearchFilter.language(Language.detect(question)));
        return new Probe(intent.name().toLowerCase(Locale.ROOT), risk.level().code(), risk.codes(), risk.refuses(),
                found.relevant(), found.hits().stream().map(h -> h.sourcePath()).toList());
    }
}
