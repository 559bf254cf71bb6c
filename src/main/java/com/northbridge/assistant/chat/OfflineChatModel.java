package com.northbridge.assistant.chat;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.northbridge.assistant.text.Language;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;

/**
 * The embedded default model: deterministic rules behind langchain4j's {@link ChatModel}, so the turn loop
 * cannot tell it from a remote model. It reads the prompt the turn loop wrote (sources and question),
 * classifies the intent and answers with fixed texts from prompts/ or with sentences extracted from the
 * sources, each cited. It is also what the circuit breaker falls back to when the remote model fails.
 */
public final class OfflineChatModel implements ChatModel {

    public static final String MODEL_NAME = "offline-engine-1";

    private static final Pattern SOURCES = Pattern.compile("SOURCES\\R(.*?)\\REND OF SOURCES", Pattern.DOTALL);
    private static final Pattern QUESTION = Pattern.compile("The customer asks: (.*)\\z", Pattern.DOTALL);

    private final PromptLibrary prompts;

    public OfflineChatModel(PromptLibrary prompts) {
        this.prompts = prompts;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        String prompt = lastUserText(request.messages());
        Matcher q = QUESTION.matcher(prompt);
        String question = q.find() ? q.group(1).strip() : prompt.strip();
        Matcher s = SOURCES.matcher(prompt);
        List<Source> sources = s.find() ? SourcesBlock.parse(s.group(1)) : List.of();
        Language language = Language.detect(question);

        String answer = switch (IntentClassifier.classify(question)) {
            case GREETING -> prompts.get("greeting").in(language);
            case OUT_OF_SCOPE -> prompts.get("out-of-scope").in(language);
            case HANDOFF -> prompts.get("handoff").in(language);
            // A complaint is answered from the sources (how to complain, time limits); only the turn loop may
            // say the conversation went to a person, because only it records the hand-over.
            default -> ExtractiveAnswerer.answer(question, sources, language).orElseGet(() -> prompts.get("refusal").in(language));
        };
        return ChatResponse.builder()
                .aiMessage(AiMessage.from(answer))
                .modelName(MODEL_NAME)
                .tokenUsage(new TokenUsage(approximateTokens(prompt), approximateTokens(answer)))
                .finishReason(FinishReason.STOP)
                .build();
    }

    private static String lastUserText(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof UserMessage user) {
                return Optional.ofNullable(user.singleText()).orElse("");
            }
        }
        return "";
    }

    /** The same rough count the chunker uses: a Han character or about three quarters of a word per token. */
    private static int approximateTokens(String text) {
        int han = (int) text.codePoints().filter(Language::isHan).count();
        int words = text.split("[\\s\\p{IsHan}]+").length;
        return han + (int) Math.ceil(words * 1.3);
    }
}
