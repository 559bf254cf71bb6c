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

    /** Longest customer message accepted, in characters. */
    @WithDefault("2000")
    int maxMessageLength();
}
