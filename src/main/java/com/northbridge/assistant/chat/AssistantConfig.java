package com.northbridge.assistant.chat;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the conversation. */
@ConfigMapping(prefix = "assistant")
public interface AssistantConfig {

    /** Folder of the versioned prompts. */
    @WithDefault("prompts")
    Path promptsDir();

    /** Passages given to the model per turn. */
    @WithDefault("5")
    int sources();

    /** Earlier messages of the conversation shown to the model. */
    @WithDefault("6")
    int historyMessages();

    /** Answers in a row without evidence after which the conversation goes to a person. */
    @WithDefault("2")
    int failedAnswersBeforeHandoff();

    /** Model calls per turn at most (each may ask for tools); a model that keeps calling tools hands over. */
    @WithDefault("4")
    int maxToolSteps();

    /** Longest customer message accepted, in characters. */
    @WithDefault("2000")
    int maxMessageLength();

    Model model();

    /** The chat model. Without a provider the offline engine answers; it is also the fallback of a remote one. */
    interface Model {
        /** {@code offline} (default) or {@code openai}: any OpenAI-compatible endpoint. */
        @WithDefault("offline")
        Provider provider();

        /** e.g. https://api.openai.com/v1, https://api.deepseek.com/v1, http://localhost:11434/v1 (Ollama). */
        java.util.Optional<String> baseUrl();

        /** From the environment (ASSISTANT_MODEL_API_KEY), never from a file. */
        java.util.Optional<String> apiKey();

        @WithDefault("gpt-4o-mini")
        String modelName();

        @WithDefault("0.2")
        double temperature();

        @WithDefault("800")
        int maxTokens();

        /**
         * The HTTP client's own limit per attempt. Keep it below the guard's timeout (20 s): the client only
         * stops a slow call at its own time-out, not when the guard gives up.
         */
        @WithDefault("PT15S")
        java.time.Duration timeout();

        enum Provider {
            OFFLINE, OPENAI
        }
    }
}
