package com.northbridge.assistant.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * The model of the turn loop, chosen by configuration: the offline engine, or an OpenAI-compatible endpoint
 * behind {@link GuardedRemoteModel} (which falls back to the offline engine).
 */
@ApplicationScoped
public class ChatModels {

    @Produces
    @ApplicationScoped
    PromptLibrary prompts(AssistantConfig config) {
        return PromptLibrary.load(config.promptsDir());
    }

    @Produces
    @ApplicationScoped
    ChatModel chatModel(AssistantConfig config, PromptLibrary prompts, GuardedRemoteModel guarded) {
        if (config.model().provider() == AssistantConfig.Model.Provider.OFFLINE) {
            return new OfflineChatModel(prompts);
        }
        return new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                return guarded.chat(request);
            }
        };
    }
}
