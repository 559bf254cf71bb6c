package com.northbridge.assistant.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.northbridge.assistant.text.Language;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
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
    private final OfflineToolPlanner planner;
    private final ToolAnswers toolAnswers;

    public OfflineChatModel(PromptLibrary prompts) {
        this.prompts = prompts;
        this.planner = new OfflineToolPlanner(prompts);
        this.toolAnswers = new ToolAnswers(prompts);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        String prompt = lastUserText(request.messages());
        Matcher q = QUESTION.matcher(prompt);
        String question = q.find() ? q.group(1).strip() : prompt.strip();
        Matcher s = SOURCES.matcher(prompt);
        List<Source> sources = s.find() ? SourcesBlock.parse(s.group(1)) : List.of();
        Language language = Language.detect(question);

        List<ChatMessage> messages = request.messages();
        if (!messages.isEmpty() && messages.get(messages.size() - 1) instanceof ToolExecutionResultMessage) {
            return respond(prompt, AiMessage.from(toolResults(messages, language)));
        }
        List<String[]> history = OfflineToolPlanner.historyLines(prompt);
        Intent intent = IntentClassifier.classify(question);
        if (intent == Intent.PRODUCT_QUESTION && !history.isEmpty() && history.get(history.size() - 1)[0].equals("Assistant")
                && SlotQuestions.isAsking(history.get(history.size() - 1)[1], prompts)) {
            intent = Intent.TRANSFER; // the customer answers the question for a missing transfer detail
        }
        List<String> tools = request.toolSpecifications() == null ? List.of()
                : request.toolSpecifications().stream().map(ToolSpecification::name).toList();
        var plan = planner.plan(intent, question, history, tools, language);
        if (plan.isPresent()) {
            return respond(prompt, plan.get().call() != null ? AiMessage.from(plan.get().call()) : AiMessage.from(plan.get().say()));
        }

        String answer = switch (intent) {
            case GREETING -> prompts.get("greeting").in(language);
            case OUT_OF_SCOPE -> prompts.get("out-of-scope").in(language);
            case HANDOFF -> prompts.get("handoff").in(language);
            // A complaint is answered from the sources (how to complain, time limits); only the turn loop may
            // say the conversation went to a person, because only it records the hand-over.
            default -> ExtractiveAnswerer.answer(question, sources, language).orElseGet(() -> prompts.get("refusal").in(language));
        };
        return respond(prompt, AiMessage.from(answer));
    }

    private static ChatResponse respond(String prompt, AiMessage message) {
        String out = message.text() != null ? message.text() : message.toolExecutionRequests().toString();
        return ChatResponse.builder()
                .aiMessage(message)
                .modelName(MODEL_NAME)
                .tokenUsage(new TokenUsage(approximateTokens(prompt), approximateTokens(out)))
                .finishReason(message.hasToolExecutionRequests() ? FinishReason.TOOL_EXECUTION : FinishReason.STOP)
                .build();
    }

    /** The answer to the tool results at the end of the conversation, one paragraph per result. */
    private String toolResults(List<ChatMessage> messages, Language language) {
        List<String> parts = new ArrayList<>();
        for (int i = messages.size() - 1; i >= 0 && messages.get(i) instanceof ToolExecutionResultMessage result; i--) {
            parts.add(0, toolAnswers.answer(result.toolName(), result.text(), language));
        }
        return String.join("\n\n", parts);
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
