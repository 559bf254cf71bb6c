package com.northbridge.assistant.chat;

import java.util.List;

import com.northbridge.assistant.text.Language;

/**
 * The questions the assistant asks while a transfer is missing details. When its last message was one of
 * them, the customer's next message continues the transfer ("Li Lei", "5000"), whatever it looks like alone.
 */
public final class SlotQuestions {

    public static final List<String> IDS = List.of("ask-amount", "ask-payee", "ask-payee-account");

    private SlotQuestions() {
    }

    public static boolean isAsking(String assistantText, PromptLibrary prompts) {
        if (assistantText == null) {
            return false;
        }
        for (String id : IDS) {
            for (Language l : Language.values()) {
                if (assistantText.strip().equals(prompts.get(id).in(l))) {
                    return true;
                }
            }
        }
        return false;
    }
}
