package com.northbridge.assistant.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.northbridge.assistant.risk.RiskGate;
import com.northbridge.assistant.text.Language;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
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

    /** A capitalised Latin-letter name inside Chinese text ("James Carter"), only where Han characters are too. */
    private static final Pattern LATIN_NAME = Pattern.compile("(?<=[\\p{IsHan}]|^)\\s*[A-Z][a-z]+(?:\\s+[A-Z][a-z]+){0,2}\\s*(?=[\\p{IsHan}\\d¥￥,，。]|$)");
    /** A Chinese name between English words ("send 王芳 5k", "to 王芳"). */
    private static final Pattern STANDALONE_HAN_NAME = Pattern.compile("(?<=[A-Za-z0-9]\\s|^)\\p{IsHan}{2,3}(?=\\s|[,.!?]|$)");

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
        List<String[]> history = OfflineToolPlanner.historyLines(prompt);
        Language language = replyLanguage(question, history);

        List<ChatMessage> messages = request.messages();
        if (!messages.isEmpty() && messages.get(messages.size() - 1) instanceof ToolExecutionResultMessage) {
            List<String> offered = request.toolSpecifications() == null ? List.of()
                    : request.toolSpecifications().stream().map(ToolSpecification::name).toList();
            Optional<ToolExecutionRequest> check = riskCheckOfRejectedTransfer(messages, offered);
            if (check.isPresent()) {
                return respond(prompt, AiMessage.from(check.get()));
            }
            return respond(prompt, AiMessage.from(toolResults(messages, language)));
        }
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

    /**
     * The language to answer in. Names are not language: "给James Carter转5000元" is Chinese and "send 王芳 5k"
     * English, so Latin-letter names and Chinese names standing between English words are left out before
     * counting. A reply made only of a name or a number ("王芳", "2.5k") continues in the language of the
     * conversation so far.
     */
    static Language replyLanguage(String question, List<String[]> history) {
        Optional<Language> own = decidedLanguage(question);
        if (own.isPresent()) {
            return own.get();
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            String[] line = history.get(i);
            if (line[0].equals("Assistant")) {
                return Language.detect(line[1]); // the conversation goes on in the language it is in
            }
            if (!line[1].startsWith(TranscriptMemoryStore.SUMMARY_PREFIX.strip())) {
                Optional<Language> earlier = decidedLanguage(line[1]);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
        }
        return Language.detect(question);
    }

    /** The language of a text without its names; empty when nothing but names and numbers is left. */
    private static Optional<Language> decidedLanguage(String text) {
        boolean latin = text.codePoints().anyMatch(cp -> cp < 128 && Character.isLetter(cp));
        boolean han = text.codePoints().anyMatch(Language::isHan);
        if (!latin && text.strip().matches("\\p{IsHan}{2,4}")) {
            return Optional.empty(); // "王芳": most likely the name the assistant asked for
        }
        if (!latin || !han) {
            String rest = latin ? LATIN_NAME.matcher(text).replaceAll(" ") : text;
            boolean letters = rest.codePoints().anyMatch(cp -> Character.isLetter(cp) && "kKwW".indexOf(cp) < 0);
            return letters ? Optional.of(Language.detect(rest)) : Optional.empty();
        }
        String rest = STANDALONE_HAN_NAME.matcher(LATIN_NAME.matcher(text).replaceAll(" ")).replaceAll(" ");
        boolean letters = rest.codePoints().anyMatch(cp -> Character.isLetter(cp) && "kKwW".indexOf(cp) < 0);
        return letters ? Optional.of(Language.detect(rest)) : Optional.empty();
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

    /**
     * A transfer the bank cannot submit as asked (over a limit, say) is scored by the risk check before the
     * customer is answered, so that the answer can say why and a flagged request reaches the staff.
     */
    private static Optional<ToolExecutionRequest> riskCheckOfRejectedTransfer(List<ChatMessage> messages, List<String> offered) {
        if (!offered.contains(RiskGate.CHECK_TRANSFER_RISK)) {
            return Optional.empty();
        }
        ToolExecutionRequest rejected = null;
        for (int i = messages.size() - 1; i >= 0 && !(messages.get(i) instanceof UserMessage); i--) {
            if (messages.get(i) instanceof ToolExecutionResultMessage result) {
                if (result.toolName().equals(RiskGate.CHECK_TRANSFER_RISK)) {
                    return Optional.empty(); // checked already
                }
                if (result.toolName().equals(RiskGate.REQUEST_TRANSFER) && result.text().contains("\"status\":\"invalid\"")) {
                    rejected = requestOf(messages, result.id());
                }
            }
        }
        return Optional.ofNullable(rejected).map(r -> ToolExecutionRequest.builder().id("offline-" + RiskGate.CHECK_TRANSFER_RISK)
                .name(RiskGate.CHECK_TRANSFER_RISK).arguments(r.arguments()).build());
    }

    private static ToolExecutionRequest requestOf(List<ChatMessage> messages, String id) {
        for (ChatMessage m : messages) {
            if (m instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
                for (ToolExecutionRequest r : ai.toolExecutionRequests()) {
                    if (java.util.Objects.equals(r.id(), id)) {
                        return r;
                    }
                }
            }
        }
        return null;
    }

    /** The answer to the tool results since the customer's message, one paragraph per result. */
    private String toolResults(List<ChatMessage> messages, Language language) {
        List<String> parts = new ArrayList<>();
        for (int i = messages.size() - 1; i >= 0 && !(messages.get(i) instanceof UserMessage); i--) {
            if (messages.get(i) instanceof ToolExecutionResultMessage result) {
                parts.add(0, toolAnswers.answer(result.toolName(), result.text(), language));
            }
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
