package com.northbridge.assistant.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import com.northbridge.assistant.chat.Intent;
import com.northbridge.assistant.chat.IntentClassifier;
import com.northbridge.assistant.eval.RetrievalQuestion;
import com.northbridge.assistant.eval.RetrievalSet;
import com.northbridge.assistant.risk.RiskGate;
import com.northbridge.assistant.risk.RiskLevel;

/**
 * The questions of evals/retrieval that reach the model as product questions: hand-overs, refusals, transfers
 * and complaints end elsewhere and would make turns without a model call. Yellow questions (advice, sensitive
 * topics) are answered by the model like blue ones, so they count. Shuffled once, the same way every
 * run, so a slice of them has both languages.
 */
final class ProductQuestions {

    private ProductQuestions() {
    }

    static List<String> load() {
        List<String> questions = new ArrayList<>();
        for (RetrievalQuestion q : RetrievalSet.load(Path.of("evals/retrieval"))) {
            String message = q.question().strip();
            Intent intent = IntentClassifier.classify(message);
            if (intent == Intent.PRODUCT_QUESTION && RiskGate.message(message, intent).level() != RiskLevel.RED) {
                questions.add(message);
            }
        }
        Collections.shuffle(questions, new Random(42));
        return questions;
    }
}
