package com.northbridge.assistant.chat;

import java.util.Optional;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * Builds langchain4j's OpenAI clients from assistant.model.*, in one place for the plain and the streaming
 * client, so both always talk to the same endpoint with the same settings. Empty when no remote provider
 * is configured.
 */
final class OpenAiModels {

    private OpenAiModels() {
    }

    static Optional<ChatModel> chat(AssistantConfig.Model model) {
        if (model.provider() != AssistantConfig.Model.Provider.OPENAI) {
            return Optional.empty();
        }
        return Optional.of(OpenAiChatModel.builder()
                .baseUrl(baseUrl(model))
                .apiKey(model.apiKey().orElse("none"))
                .modelName(model.modelName())
                .temperature(model.temperature())
                .maxTokens(model.maxTokens())
                .timeout(model.timeout())
                .maxRetries(0) // retries belong to GuardedRemoteModel, where they are counted and bounded
                .build());
    }

    static Optional<StreamingChatModel> streaming(AssistantConfig.Model model) {
        if (model.provider() != AssistantConfig.Model.Provider.OPENAI) {
            return Optional.empty();
        }
        return Optional.of(OpenAiStreamingChatModel.builder()
                .baseUrl(baseUrl(model))
                .apiKey(model.apiKey().orElse("none"))
                .modelName(model.modelName())
                .temperature(model.temperature())
                .maxTokens(model.maxTokens())
                .timeout(model.timeout())
                .build());
    }

    private static String baseUrl(AssistantConfig.Model model) {
        return model.baseUrl().orElseThrow(() -> new IllegalStateException("assistant.model.provider=openai needs assistant.model.base-url"));
    }
}
