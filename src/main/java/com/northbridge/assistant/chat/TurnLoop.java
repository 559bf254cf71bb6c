package com.northbridge.assistant.chat;

import java.time.Instant;
import java.util.Collection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.northbridge.assistant.api.ApiException;
import com.northbridge.assistant.api.RequestText;
import com.northbridge.assistant.audit.AuditLog;
import com.northbridge.assistant.guard.AnswerCheck;
import com.northbridge.assistant.guard.Leak;
import com.northbridge.assistant.guard.OtherCustomerData;
import com.northbridge.assistant.review.ReviewCase;
import com.northbridge.assistant.review.ReviewCases;
import com.northbridge.assistant.review.ReviewConfig;
import com.northbridge.assistant.risk.RiskDecision;
import com.northbridge.assistant.risk.RiskGate;
import com.northbridge.assistant.risk.RiskLevel;
import com.northbridge.assistant.risk.RiskReason;
import com.northbridge.assistant.tools.AccountTools;
import com.northbridge.assistant.tools.PendingAction;
import com.northbridge.assistant.tools.ToolContext;
import com.northbridge.assistant.tools.ToolOutcome;
import com.northbridge.assistant.knowledge.HybridRetriever;
import com.northbridge.assistant.knowledge.SearchFilter;
import com.northbridge.assistant.knowledge.SearchHit;
import com.northbridge.assistant.knowledge.SearchResult;
import com.northbridge.assistant.text.Language;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * One customer turn, step by step: store the message (before anything can fail), let the risk gate judge
 * it, hand over to a person when asked, refuse with a fixed reply what must not reach the model, retrieve
 * evidence, build the prompt from prompts/, call the model, run each tool call it asks for through the gate
 * (a bounded number of steps), keep only citations of passages that were really given, and store the answer
 * with what made it: the turn's level and reasons, sources, tools, model, prompts, tokens and latency.
 */
@ApplicationScoped
public class TurnLoop {

    private static final Pattern CITED = Pattern.compile("\\[(K[0-9a-z]{6,40})]");
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_-]{1,19}");
    /** A short follow-up ("and for a foreign account?") is searched together with the previous question. */
    private static final int FOLLOW_UP_LENGTH = 24;
    /** Passages of the bank's rules on a safety topic added to what the message found. */
    private static final int SAFETY_RULES = 2;

    private final ChatModel model;
    private final AnswerStreamer streamer;
    private final TranscriptMemoryStore memoryStore;
    private final PromptLibrary prompts;
    private final HybridRetriever retriever;
    private final AssistantConfig config;
    private final AccountTools tools;
    private final ReviewCases cases;
    private final ReviewConfig reviewConfig;
    private final AuditLog audit;
    private final OtherCustomerData otherCustomerData;

    public TurnLoop(ChatModel model, AnswerStreamer streamer, TranscriptMemoryStore memoryStore, PromptLibrary prompts,
                    HybridRetriever retriever, AssistantConfig config, AccountTools tools, ReviewCases cases, ReviewConfig reviewConfig,
                    AuditLog audit, OtherCustomerData otherCustomerData) {
        this.model = model;
        this.streamer = streamer;
        this.memoryStore = memoryStore;
        this.prompts = prompts;
        this.retriever = retriever;
        this.config = config;
        this.tools = tools;
        this.cases = cases;
        this.reviewConfig = reviewConfig;
        this.audit = audit;
        this.otherCustomerData = otherCustomerData;
    }

    /**
     * The turn so far: who, where, what the gate says, and what the model was given. Outside this class it is
     * only a handle on a turn whose customer message is stored.
     */
    public static final class Turn {
        String message;
        UUID conversationId;
        UUID messageId;
        String customerId;
        Language language;
        Intent intent;
        RiskDecision risk;
        List<SearchHit> hits = List.of();
        List<String> promptRefs = new ArrayList<>();
        List<ToolOutcome> toolCalls = new ArrayList<>();
        PendingAction pending;
        long modelNanos;
        /** A person held the conversation when the message arrived. */
        boolean withColleague;
        /** Everything the customer wrote in this conversation. */
        List<String> customerTexts = List.of();

        private Turn() {
        }
    }

    public ChatReply turn(ChatRequestBody body, String customerId) {
        return answer(accept(body, customerId), null, null);
    }

    /**
     * The same turn with the answer streamed: {@code tokens} receives the text as the model writes it, and
     * {@code reset} is called when a failing remote model is replaced by the offline engine after some text
     * was already sent (the client then clears what it showed).
     */
    public ChatReply stream(ChatRequestBody body, String customerId, Consumer<String> tokens, Runnable reset) {
        return answer(accept(body, customerId), tokens, reset);
    }

    /**
     * The first step of a turn on its own: the customer's message is checked and stored, in its own
     * transaction, so that nothing after it can lose the message. A stream calls it before it opens, so that
     * a database that cannot take the message is still an error status rather than a broken stream.
     */
    public Turn accept(ChatRequestBody body, String customerId) {
        String message = validate(body);
        Turn turn = new Turn();
        turn.message = message;
        turn.customerId = customerId;
        turn.language = Language.detect(message);
        String channel = body.channel() == null || body.channel().isBlank() ? "app" : body.channel().strip();
        ConversationMessage stored = QuarkusTransaction.requiringNew().call(() -> storeCustomerMessage(body, customerId, channel, message, turn));
        turn.conversationId = stored.conversationId;
        turn.messageId = stored.id;
        return turn;
    }

    /** The rest of an accepted turn: gate, evidence, model and tools, and the answer stored with what made it. */
    public ChatReply answer(Turn turn, Consumer<String> tokens, Runnable reset) {
        String message = turn.message;
        String customerId = turn.customerId;
        List<ChatMessage> history = memory(turn);
        turn.intent = continuesTransfer(history) && IntentClassifier.classify(message) == Intent.PRODUCT_QUESTION
                ? Intent.TRANSFER : IntentClassifier.classify(message);
        turn.risk = RiskGate.message(message, turn.intent);

        if (turn.intent == Intent.HANDOFF) {
            turn.promptRefs.add(prompts.get("handoff").reference());
            return fixed(turn, prompts.get("handoff").in(turn.language), true, tokens);
        }
        if (turn.risk.refuses()) {
            // Injection, impersonation, another customer's data, scam pressure: the model never sees it.
            turn.promptRefs.add(prompts.get("red-refusal").reference());
            return fixed(turn, prompts.get("red-refusal").in(turn.language), false, tokens);
        }
        if (turn.withColleague) {
            // A person holds the conversation: the customer's words are for them (the gate has judged them and
            // staff see them in the queue), and the assistant does not answer over their head.
            turn.promptRefs.add(prompts.get("with-colleague").reference());
            return fixed(turn, prompts.get("with-colleague").in(turn.language), false, tokens);
        }

        SearchResult evidence = retriever.search(searchQuery(message, history), config.sources(), SearchFilter.language(turn.language));
        List<SearchHit> found = withSafetyRules(turn, evidence.relevant() ? evidence.hits() : List.of());
        // Passages are data. One that reads like instructions to an AI (flagged when it was written, see
        // ChunkStore.insert) never reaches the model, and the turn is red so that staff see the document that carried it.
        turn.hits = found.stream().filter(h -> h.suspicious() == null).toList();
        if (turn.hits.size() < found.size()) {
            List<String> poisoned = found.stream().filter(h -> !turn.hits.contains(h)).map(h -> "instructions in passage " + h.citation()).toList();
            turn.risk = turn.risk.with(List.of(RiskReason.PROMPT_INJECTION), poisoned);
        }
        List<Source> sources = turn.hits.stream().map(h -> new Source(h.citationId(), h.citation(), h.text())).toList();
        Prompt system = prompts.get("system");
        Prompt user = prompts.get("answer-with-sources");
        turn.promptRefs.add(system.reference());
        turn.promptRefs.add(user.reference());
        List<ChatMessage> messages = new ArrayList<>(List.of(
                SystemMessage.from(system.render(Map.of("language", turn.language == Language.ZH ? "Chinese" : "English"))),
                UserMessage.from(user.render(Map.of(
                        "sources", SourcesBlock.render(sources),
                        "history", historyText(history),
                        "question", message)))));

        // A possible scam victim hears the same safety advice first, whatever the model makes of the question.
        String guidance = turn.risk.has(RiskReason.FRAUD_REPORT) ? prompts.get("fraud-guidance").in(turn.language) : null;
        if (guidance != null) {
            turn.promptRefs.add(prompts.get("fraud-guidance").reference());
            if (tokens != null) {
                tokens.accept(guidance + "\n\n");
                Runnable clear = reset;
                reset = () -> {
                    clear.run();
                    tokens.accept(guidance + "\n\n");
                };
            }
        }
        OtherCustomerData.Screen screen = otherCustomerData.screen(customerId, turn.customerTexts);
        Output out = tokens == null ? null : new Output(tokens, reset, screen.holdingBack(tokens));
        ToolContext context = new ToolContext(customerId, turn.conversationId, turn.messageId, turn.language, Instant.now());
        ChatResponse response = null;
        for (int step = 1; step <= config.maxToolSteps(); step++) {
            ChatRequest request = ChatRequest.builder().messages(messages).toolSpecifications(tools.specifications()).build();
            long start = System.nanoTime();
            response = call(request, out);
            turn.modelNanos += System.nanoTime() - start;
            AiMessage ai = response.aiMessage();
            if (!ai.hasToolExecutionRequests()) {
                break;
            }
            messages.add(ai);
            for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
                ToolOutcome outcome = tools.run(call, step, context, turn.risk);
                turn.toolCalls.add(outcome);
                turn.risk = turn.risk.with(outcome.decision());
                if (outcome.pending() != null) {
                    turn.pending = outcome.pending();
                }
                messages.add(ToolExecutionResultMessage.from(call, outcome.result()));
            }
            response = null; // the model must still answer after the tools
        }
        String text = response == null || response.aiMessage().text() == null
                ? prompts.get("handoff").in(turn.language) // the model kept calling tools: a person finishes this
                : response.aiMessage().text();
        if (response == null && tokens != null) {
            tokens.accept(text);
        }
        if (response != null && response.aiMessage().text() != null) {
            Checked checked = checkAnswer(turn, messages, response, message, screen, out);
            response = checked.response();
            text = checked.text();
        }
        List<Citation> citations = citations(text, turn.hits);
        if (citations.isEmpty() && turn.intent == Intent.PRODUCT_QUESTION && guidance == null && response != null
                && turn.toolCalls.isEmpty() && !text.contains(prompts.get("refusal").in(turn.language))
                && !text.contains(prompts.get("red-refusal").in(turn.language))) {
            // A product answer that rests on no passage is the model's own words: a guess, or a model talked into
            // another role. Either way the customer gets "I don't know" rather than an ungrounded answer.
            turn.risk = turn.risk.with(List.of(RiskReason.LOW_CONFIDENCE), List.of("the answer cited no passage"));
            text = replaced(response, prompts.get("refusal").in(turn.language), out).text();
        }
        if (guidance != null) {
            if (citations.isEmpty() && response != null && tokens != null) {
                reset.run(); // the advice alone rather than advice followed by "I don't know"
            }
            text = citations.isEmpty() && response != null ? guidance : guidance + "\n\n" + text;
        }
        boolean noEvidence = citations.isEmpty() && turn.intent == Intent.PRODUCT_QUESTION && guidance == null;
        turn.risk = turn.risk.with(RiskGate.answer(turn.intent, !noEvidence));
        boolean handOff = response == null || turn.risk.has(RiskReason.NEGATIVE_EMOTION);
        return answer(turn, text, citations, response, handOff, noEvidence);
    }

    private record Checked(ChatResponse response, String text) {
    }

    /**
     * Where a streamed answer goes: the model's text through {@code held}, which passes on only what has been
     * checked for other customers' data; fixed texts (refusals) straight to {@code tokens}.
     */
    private record Output(Consumer<String> tokens, Runnable reset, OtherCustomerData.HeldStream held) {

        /** Discards what the customer was shown of the model's answer and what is still held of it. */
        void restart() {
            held.restart();
            reset.run();
        }
    }

    private ChatResponse call(ChatRequest request, Output out) {
        return out == null ? model.chat(request) : streamer.stream(request, out.held(), out::restart);
    }

    /**
     * The answer the customer may see. An answer that repeats the system prompt, claims to grant access or
     * shows another customer's data is replaced by a refusal (and the turn is red). An answer stating a number that no cited passage
     * contains is asked for again once, with the numbers named; if it still does, the customer gets the
     * refusal instead of a guess. Numbers from tool results (balances) and from the customer's own message
     * are not the model's to prove.
     */
    private Checked checkAnswer(Turn turn, List<ChatMessage> messages, ChatResponse response, String question, OtherCustomerData.Screen screen,
                                Output out) {
        String systemPrompt = ((SystemMessage) messages.get(0)).text();
        String text = response.aiMessage().text();
        Optional<Checked> unsafe = refusedAsUnsafe(turn, response, text, systemPrompt, screen, out);
        if (unsafe.isPresent()) {
            return unsafe.get();
        }
        if (!turn.toolCalls.isEmpty()) {
            return kept(response, text, out);
        }
        List<String> missing = AnswerCheck.ungroundedNumbers(text, citedTexts(text, turn.hits), question);
        if (missing.isEmpty()) {
            return kept(response, text, out);
        }
        turn.promptRefs.add(prompts.get("regenerate-numbers").reference());
        List<ChatMessage> retry = new ArrayList<>(messages);
        retry.add(response.aiMessage());
        retry.add(UserMessage.from(prompts.get("regenerate-numbers").render(Map.of("numbers", String.join(", ", missing)))));
        ChatRequest request = ChatRequest.builder().messages(retry).build();
        if (out != null) {
            out.restart(); // the first answer was already on the customer's screen
        }
        long start = System.nanoTime();
        ChatResponse second = call(request, out);
        turn.modelNanos += System.nanoTime() - start;
        String again = second.aiMessage().text() == null ? "" : second.aiMessage().text();
        if (!again.isBlank()) {
            unsafe = refusedAsUnsafe(turn, second, again, systemPrompt, screen, out);
            if (unsafe.isPresent()) {
                return unsafe.get();
            }
            if (AnswerCheck.ungroundedNumbers(again, citedTexts(again, turn.hits), question).isEmpty()) {
                return kept(second, again, out);
            }
        }
        turn.risk = turn.risk.with(List.of(RiskReason.LOW_CONFIDENCE), List.of("ungrounded numbers: " + String.join(", ", missing)));
        return replaced(second, prompts.get("refusal").in(turn.language), out);
    }

    /**
     * The red refusal instead of an answer that repeats the system prompt or claims to grant access or to have
     * confirmed an identity (an injection got through), or shows another customer's data; the cue says what was
     * withheld, never the data itself.
     */
    private Optional<Checked> refusedAsUnsafe(Turn turn, ChatResponse response, String text, String systemPrompt, OtherCustomerData.Screen screen,
                                              Output out) {
        List<String> claims = AnswerCheck.accessClaims(text, citedTexts(text, turn.hits));
        if (AnswerCheck.leaksPrompt(text, systemPrompt)) {
            turn.risk = turn.risk.with(List.of(RiskReason.PROMPT_INJECTION), List.of("answer repeated the system prompt"));
        } else if (!claims.isEmpty()) {
            // The assistant grants no access and confirms nobody's identity: a model saying it did was talked into it.
            turn.risk = turn.risk.with(List.of(RiskReason.PROMPT_INJECTION), List.of("answer claimed access or a confirmed identity: " + claims.get(0)));
        } else {
            Optional<Leak> leak = screen.leak(text);
            if (leak.isEmpty()) {
                return Optional.empty();
            }
            turn.risk = turn.risk.with(List.of(RiskReason.OTHER_CUSTOMER_DATA), List.of(leak.get().cue()));
        }
        turn.promptRefs.add(prompts.get("red-refusal").reference());
        return Optional.of(replaced(response, prompts.get("red-refusal").in(turn.language), out));
    }

    /** The answer stands: what is still held of it goes to the customer. */
    private static Checked kept(ChatResponse response, String text, Output out) {
        if (out != null) {
            out.held().finish();
        }
        return new Checked(response, text);
    }

    private static Checked replaced(ChatResponse response, String text, Output out) {
        if (out != null) {
            out.restart();
            out.tokens().accept(text);
        }
        return new Checked(response, text);
    }

    private static List<String> citedTexts(String answer, List<SearchHit> hits) {
        Matcher m = CITED.matcher(answer);
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return hits.stream().filter(h -> ids.contains(h.citationId())).map(SearchHit::text).toList();
    }

    /** A reply that does not come from the model: a hand-over or a red refusal. */
    private ChatReply fixed(Turn turn, String text, boolean handOff, Consumer<String> tokens) {
        if (tokens != null) {
            tokens.accept(text);
        }
        return answer(turn, text, List.of(), null, handOff, null);
    }

    private ChatReply answer(Turn turn, String text, List<Citation> citations, ChatResponse response, boolean handOff, Boolean failed) {
        int latency = (int) (turn.modelNanos / 1_000_000);
        return QuarkusTransaction.requiringNew().call(() -> {
            // Locked: a member of staff may be replying to this conversation at the same moment (message order).
            Conversation conversation = Conversation.findById(turn.conversationId, LockModeType.PESSIMISTIC_WRITE);
            boolean handedOff = handOff;
            String answer = text;
            if (failed != null) {
                conversation.failedAnswers = failed ? conversation.failedAnswers + 1 : 0;
                if (conversation.failedAnswers >= config.failedAnswersBeforeHandoff()) {
                    // Repeated answers without evidence: a person takes over rather than a third "I don't know".
                    handedOff = true;
                }
            }
            if (handedOff && !text.equals(prompts.get("handoff").in(turn.language))) {
                answer = text + "\n\n" + prompts.get("handoff").in(turn.language);
            }
            if (handedOff) {
                conversation.state = Conversation.HANDED_OFF;
            }
            conversation.updatedAt = Instant.now();
            ConversationMessage m = ConversationMessage.next(turn.conversationId, ConversationMessage.ASSISTANT, answer, turn.language.code());
            m.intent = turn.intent.name().toLowerCase();
            m.citations = citations;
            m.sources = turn.hits.stream().map(h -> new Citation(h.citationId(), h.documentTitle(), h.section(), h.article(), h.citation(),
                    h.sourcePath(), h.snippet())).toList();
            m.tools = turn.toolCalls.isEmpty() ? null : String.join(",", turn.toolCalls.stream().map(ToolOutcome::name).toList());
            m.riskLevel = turn.risk.level().code();
            m.riskReasons = turn.risk.codes().toArray(String[]::new);
            m.model = response == null ? null : response.modelName();
            m.prompts = String.join(",", turn.promptRefs);
            if (response != null && response.tokenUsage() != null) {
                m.inputTokens = response.tokenUsage().inputTokenCount();
                m.outputTokens = response.tokenUsage().outputTokenCount();
            }
            m.latencyMs = latency;
            m.persist();
            audit.append(turn.customerId == null ? "anonymous" : turn.customerId, "turn.assessed", "conversation", turn.conversationId.toString(),
                    ReviewCases.detail("message", turn.messageId, "intent", m.intent, "level", m.riskLevel, "reasons", turn.risk.codes(),
                            "cues", turn.risk.cues(), "tools", m.tools, "handedOff", handedOff));
            if (handedOff && !handOff) {
                audit.append("assistant", "conversation.handed_off", "conversation", turn.conversationId.toString(),
                        ReviewCases.detail("reason", "repeated answers without evidence"));
            } else if (handOff) {
                audit.append("assistant", "conversation.handed_off", "conversation", turn.conversationId.toString(),
                        ReviewCases.detail("reason", turn.intent == Intent.HANDOFF ? "customer asked for a person" : "strong emotion or unfinished tool loop"));
            }
            openCase(turn, m);
            return new ChatReply(turn.conversationId, m.id, answer, turn.language.code(), citations, m.intent, m.riskLevel, turn.risk.codes(),
                    turn.pending, Conversation.HANDED_OFF.equals(conversation.state), m.model, notice(response, turn.language));
        });
    }

    /**
     * One case per red turn: the transfer case the turn created carries every red reason; otherwise an alert
     * case, unless the only red is a transfer still missing details (nothing to decide yet). Yellow turns
     * are sampled into review at the configured rate.
     */
    private void openCase(Turn turn, ConversationMessage answer) {
        RiskDecision risk = turn.risk;
        List<String> red = risk.reasons().stream().filter(r -> r.level() == RiskLevel.RED).map(RiskReason::code).toList();
        if (risk.level() == RiskLevel.RED) {
            if (turn.pending != null && turn.pending.caseId() != null) {
                ReviewCase existing = ReviewCase.findById(turn.pending.caseId());
                if (existing != null && ReviewCase.OPEN.equals(existing.status)) {
                    cases.addTurn(existing, turn.messageId, red);
                }
                return;
            }
            if (red.equals(List.of(RiskReason.FUND_OPERATION.code()))) {
                return;
            }
            cases.open(new ReviewCases.Opening(ReviewCase.ALERT, RiskLevel.RED, red, summary(risk), turn.customerId, turn.conversationId,
                    turn.messageId, null));
        } else if (risk.level() == RiskLevel.YELLOW && sampled(turn.messageId)) {
            List<String> yellow = risk.reasons().stream().filter(r -> r.level() == RiskLevel.YELLOW).map(RiskReason::code).toList();
            cases.open(new ReviewCases.Opening(ReviewCase.SAMPLE, RiskLevel.YELLOW, yellow, summary(risk), turn.customerId, turn.conversationId,
                    turn.messageId, null));
        }
    }

    private static String summary(RiskDecision risk) {
        String reasons = String.join("; ", risk.reasons().stream().map(r -> r.describe(false)).toList());
        return risk.cues().isEmpty() ? reasons : reasons + " Cues: " + String.join(" | ", risk.cues());
    }

    /** A stable share of yellow turns: the message id decides, so a re-run samples the same turns. */
    private boolean sampled(UUID messageId) {
        double rate = reviewConfig.yellowSampleRate();
        return rate > 0 && (messageId.getLeastSignificantBits() & 0xffff) < rate * 0x10000;
    }

    /** Set when a remote model is configured but the offline engine had to answer. */
    private String notice(ChatResponse response, Language language) {
        boolean fellBack = response != null && config.model().provider() != AssistantConfig.Model.Provider.OFFLINE
                && OfflineChatModel.MODEL_NAME.equals(response.modelName());
        return fellBack ? prompts.get("fallback-notice").in(language) : null;
    }

    /** Checks a request without storing anything; the message as it will be stored. */
    public String validate(ChatRequestBody request) {
        if (request == null) {
            throw ApiException.badRequest("message", "Send a JSON body with the message.");
        }
        String message = RequestText.required(request.message(), "message", "message", config.maxMessageLength());
        if (request.channel() != null && !request.channel().isBlank() && !CHANNEL.matcher(request.channel().strip()).matches()) {
            throw ApiException.badRequest("channel", "channel is a short lower-case name such as app or web.");
        }
        return message;
    }

    private ConversationMessage storeCustomerMessage(ChatRequestBody request, String customerId, String channel, String message, Turn turn) {
        Language language = turn.language;
        Conversation conversation;
        if (request.conversationId() != null) {
            conversation = Conversation.findById(request.conversationId(), LockModeType.PESSIMISTIC_WRITE);
            if (conversation == null || customerId != null && !customerId.equals(conversation.customerId)) {
                // Someone else's conversation looks exactly like one that does not exist.
                throw ApiException.notFound("conversation", "There is no conversation " + request.conversationId() + "; leave conversationId out to start one.");
            }
        } else {
            conversation = new Conversation();
            conversation.id = UUID.randomUUID();
            conversation.customerId = customerId;
            conversation.channel = channel;
            conversation.state = Conversation.ACTIVE;
            conversation.createdAt = Instant.now();
            if (customerId != null) {
                // The customer continues elsewhere: what they discussed on the other channel comes along.
                conversation.carriedSummary = Conversation.latestElsewhere(customerId, channel)
                        .map(previous -> ConversationSummary.of(previous, ConversationMessage.of(previous.id)))
                        .orElse(null);
            }
        }
        // Read under the row lock taken above: a person holding the conversation answers this message.
        turn.withColleague = Conversation.HANDED_OFF.equals(conversation.state);
        conversation.language = language.code();
        conversation.updatedAt = Instant.now();
        conversation.persist();
        ConversationMessage m = ConversationMessage.next(conversation.id, ConversationMessage.CUSTOMER, message, language.code());
        m.persist();
        return m;
    }

    /**
     * The conversation as langchain4j's chat memory sees it, through our transcript store; in the same
     * transaction, everything the customer wrote in it (this message included), since numbers they typed are
     * theirs to see in the answer.
     */
    private List<ChatMessage> memory(Turn turn) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<ChatMessage> window = MessageWindowChatMemory.builder()
                    .id(turn.conversationId)
                    .maxMessages(config.historyMessages() + 2) // the recent history, the carried summary and this message
                    .chatMemoryStore(memoryStore)
                    .build()
                    .messages();
            turn.customerTexts = ConversationMessage.of(turn.conversationId).stream()
                    .filter(m -> ConversationMessage.CUSTOMER.equals(m.role)).map(m -> m.content).toList();
            return window;
        });
    }

    /** The assistant's last message asked for a missing transfer detail. */
    private boolean continuesTransfer(List<ChatMessage> history) {
        for (int i = history.size() - 2; i >= 0; i--) {
            if (history.get(i) instanceof AiMessage ai) {
                return SlotQuestions.isAsking(ai.text(), prompts);
            }
        }
        return false;
    }

    /**
     * The passages the message found, led by the bank's rules on the safety topics the gate saw in it (a scam,
     * a change of contact details, credentials or identity): those are what the customer must hear.
     */
    private List<SearchHit> withSafetyRules(Turn turn, List<SearchHit> found) {
        Optional<String> topic = SafetyTopics.query(turn.risk, turn.language);
        if (topic.isEmpty()) {
            return found;
        }
        SearchResult rules = retriever.search(topic.get(), SAFETY_RULES, SearchFilter.language(turn.language));
        if (!rules.relevant()) {
            return found;
        }
        List<SearchHit> merged = new ArrayList<>(rules.hits());
        found.stream().filter(h -> merged.stream().noneMatch(m -> m.citationId().equals(h.citationId()))).forEach(merged::add);
        return merged.subList(0, Math.min(merged.size(), config.sources() + SAFETY_RULES));
    }

    private static String searchQuery(String message, List<ChatMessage> history) {
        if (message.length() >= FOLLOW_UP_LENGTH) {
            return message;
        }
        // history ends with the message just stored; the customer message before it gives the topic.
        for (int i = history.size() - 2; i >= 0; i--) {
            if (history.get(i) instanceof UserMessage earlier && !earlier.singleText().startsWith(TranscriptMemoryStore.SUMMARY_PREFIX)) {
                return earlier.singleText() + " " + message;
            }
        }
        return message;
    }

    private String historyText(List<ChatMessage> history) {
        List<ChatMessage> earlier = history.subList(0, Math.max(0, history.size() - 1));
        if (earlier.isEmpty()) {
            return "(this is the first message)";
        }
        StringBuilder sb = new StringBuilder();
        for (ChatMessage m : earlier) {
            sb.append(m instanceof UserMessage user ? "Customer: " + user.singleText() : "Assistant: " + ((AiMessage) m).text()).append('\n');
        }
        return sb.toString().strip();
    }

    /** Only passages that were given to the model can be cited: anything else in brackets is dropped. */
    private static List<Citation> citations(String answer, List<SearchHit> hits) {
        Map<String, SearchHit> given = new LinkedHashMap<>();
        hits.forEach(h -> given.put(h.citationId(), h));
        Map<String, Citation> cited = new LinkedHashMap<>();
        Matcher m = CITED.matcher(answer);
        while (m.find()) {
            SearchHit h = given.get(m.group(1));
            if (h != null) {
                cited.putIfAbsent(h.citationId(), new Citation(h.citationId(), h.documentTitle(), h.section(), h.article(),
                        h.citation(), h.sourcePath(), h.snippet()));
            }
        }
        return new ArrayList<>(cited.values());
    }
}
