package com.northbridge.assistant.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.langchain4j.model.chat.ChatModel;

/**
 * The models of the turn loop. Today the offline engine is the only one; the OpenAI-compatible provider with
 * its fault tolerance (falling back to the offline engine) is the next step of the assistant issue.
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
    ChatModel chatModel(PromptLibrary prompts) {
        return new OfflineChatModel(prompts);
    }
}
