package com.northbridge.assistant.eval;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.northbridge.assistant.chat.Prompt;
import com.northbridge.assistant.chat.PromptLibrary;
import com.northbridge.assistant.chat.Source;
import com.northbridge.assistant.chat.SourcesBlock;
import com.northbridge.assistant.eval.EvalResults.Judgement;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * Asks an OpenAI-compatible judge model how faithful an answer is to the passages it cited, with the
 * prompt prompts/judge-faithfulness.md, and reads its verdict strictly: one JSON object with a score from
 * 0 to 1 and the unsupported claims. Whatever goes wrong (no answer, time-out, prose, a score out of range)
 * becomes a judge error on that turn; a judge never fails an evaluation run.
 */
public final class FaithfulnessJudge {

    public static final String PROMPT_ID = "judge-faithfulness";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> FIELDS = Set.of("score", "unsupported_claims");
    /** Models often wrap JSON in a code fence despite being told not to; the fence alone is forgiven. */
    private static final Pattern FENCE = Pattern.compile("\\A```(?:json)?\\s*(.*?)\\s*```\\z", Pattern.DOTALL);
    private static final int EXCERPT = 120;

    private final ChatModel model;
    private final String modelName;
    private final Prompt prompt;

    public FaithfulnessJudge(ChatModel model, String modelName, Prompt prompt) {
        this.model = model;
        this.modelName = modelName;
        this.prompt = prompt;
    }

    /** The judge of eval.judge.*, when a base URL is configured. */
    public static Optional<FaithfulnessJudge> configured(EvalConfig.Judge config) {
        if (config.baseUrl().isEmpty() || config.baseUrl().get().isBlank()) {
            return Optional.empty();
        }
        Prompt prompt = PromptLibrary.load(config.promptsDir()).get(PROMPT_ID);
        ChatModel model = OpenAiChatModel.builder()
                .baseUrl(config.baseUrl().get())
                .apiKey(config.apiKey().orElse("none"))
                .modelName(config.modelName())
                .temperature(0.0) // the same answer should get the same verdict
                .timeout(config.timeout())
                .maxRetries(config.maxRetries())
                .build();
        return Optional.of(new FaithfulnessJudge(model, config.modelName(), prompt));
    }

    public String modelName() {
        return modelName;
    }

    /** "judge-faithfulness@1": recorded in the report with the verdicts it produced. */
    public String promptReference() {
        return prompt.reference();
    }

    /** The verdict on one answer; the passages are written as the assistant's model saw them. */
    public Judgement judge(String question, List<Source> passages, String answer) {
        String request = prompt.render(Map.of("question", question, "passages", SourcesBlock.render(passages), "answer", answer));
        String reply;
        try {
            reply = model.chat(ChatRequest.builder().messages(UserMessage.from(request)).build()).aiMessage().text();
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Judgement.failed("the judge could not be asked: " + excerpt(why));
        }
        return parse(reply);
    }

    /** A verdict exactly as the prompt asks for it, or a judge error naming what was wrong. */
    static Judgement parse(String reply) {
        if (reply == null || reply.isBlank()) {
            return Judgement.failed("the judge gave an empty reply");
        }
        String text = reply.strip();
        Matcher fenced = FENCE.matcher(text);
        if (fenced.matches()) {
            text = fenced.group(1);
        }
        JsonNode verdict;
        try {
            verdict = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return Judgement.failed("the judge's reply is not JSON: " + excerpt(reply));
        }
        if (verdict == null || !verdict.isObject()) {
            return Judgement.failed("the judge's reply is not a JSON object: " + excerpt(reply));
        }
        for (Iterator<String> names = verdict.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                return Judgement.failed("the judge's verdict has an unexpected field " + name);
            }
        }
        JsonNode score = verdict.get("score");
        if (score == null || !score.isNumber() || !(score.asDouble() >= 0 && score.asDouble() <= 1)) {
            return Judgement.failed("the judge's score is not a number from 0 to 1: " + (score == null ? "missing" : excerpt(score.toString())));
        }
        JsonNode claims = verdict.get("unsupported_claims");
        if (claims == null || !claims.isArray()) {
            return Judgement.failed("the judge's verdict has no unsupported_claims list");
        }
        List<String> unsupported = new ArrayList<>();
        for (JsonNode claim : claims) {
            if (!claim.isTextual()) {
                return Judgement.failed("an unsupported claim is not text: " + excerpt(claim.toString()));
            }
            unsupported.add(claim.asText());
        }
        return Judgement.scored(score.asDouble(), unsupported);
    }

    private static String excerpt(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "…";
    }
}
