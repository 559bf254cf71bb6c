package com.northbridge.assistant.chat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.northbridge.assistant.risk.RiskGate;
import com.northbridge.assistant.text.Language;

import dev.langchain4j.agent.tool.ToolExecutionRequest;

/**
 * The offline engine's side of tool use: from the customer's words (and, for a transfer being put
 * together, their earlier words) either a tool call with typed arguments or the question for the missing
 * detail. Deterministic, so evaluations of the turn loop and the gate do not depend on a model.
 */
final class OfflineToolPlanner {

    /** What to do: call a tool, or say something (ask for a detail). Exactly one is set. */
    record Plan(ToolExecutionRequest call, String say) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CARD = Pattern.compile("(?<!\\d)(\\d{4}[ -]?\\d{4}[ -]?\\d{4}[ -]?\\d{4}(?:[ -]?\\d{1,3})?)(?!\\d)");
    private static final Pattern IBAN = Pattern.compile("\\b([A-Z]{2}\\d{2}(?:\\s?[A-Z0-9]{4}){2,7}(?:\\s?[A-Z0-9]{1,4})?)\\b");
    private static final Pattern TRANSACTIONS = Pattern.compile("交易|明细|流水|记录|transaction|spent|statement|payments?", Pattern.CASE_INSENSITIVE);
    private static final Pattern FIELD = Pattern.compile("([\\p{L} ]{2,24}?)\\s*[:：=]\\s*([^,，;；\\n]+)");
    private static final Pattern LEADING = Pattern.compile("^(?:to|pay|send it to|transfer to|给|转给|打给|收款人(?:是|为)?)\\s*[:：]?\\s*", Pattern.CASE_INSENSITIVE);

    private final PromptLibrary prompts;

    OfflineToolPlanner(PromptLibrary prompts) {
        this.prompts = prompts;
    }

    Optional<Plan> plan(Intent intent, String question, List<String[]> history, List<String> tools, Language language) {
        if (intent == Intent.BALANCE && tools.contains(RiskGate.LOOKUP_BALANCE)) {
            Slots slots = SlotExtractor.extract(question, LocalDate.now());
            Map<String, Object> args = new LinkedHashMap<>();
            slots.accountSuffix().ifPresent(s -> args.put("account", s));
            Matcher card = CARD.matcher(question);
            if (card.find()) {
                args.put("account", card.group(1).replaceAll("[ -]", ""));
            }
            args.put("transactions", TRANSACTIONS.matcher(question).find() ? 5 : 0);
            return Optional.of(call(RiskGate.LOOKUP_BALANCE, args));
        }
        if (intent == Intent.TRANSFER && tools.contains(RiskGate.REQUEST_TRANSFER)) {
            return Optional.of(transfer(question, history, language));
        }
        if (intent == Intent.FORM_HELP && tools.contains(RiskGate.VALIDATE_FORM)) {
            Map<String, String> fields = FormFields.extract(question);
            if (!fields.isEmpty()) {
                return Optional.of(call(RiskGate.VALIDATE_FORM, Map.of("form", FormFields.formOf(question), "fields", fields)));
            }
        }
        return Optional.empty();
    }

    /**
     * A transfer put together over several messages: the customer lines since the assistant started asking
     * for details, older first, each filling what it names; a bare reply to "who?" is the payee.
     */
    private Plan transfer(String question, List<String[]> history, Language language) {
        List<String> lines = new ArrayList<>();
        String asked = null;
        for (int i = history.size() - 1; i >= 0; i--) {
            String[] line = history.get(i);
            if (line[0].equals("Assistant")) {
                if (!SlotQuestions.isAsking(line[1], prompts)) {
                    break;
                }
                if (asked == null) {
                    asked = line[1].strip();
                }
            } else {
                lines.add(0, line[1]);
            }
        }
        lines.add(question);
        Amount amount = null;
        String payee = null;
        String account = null;
        for (String line : lines) {
            Slots s = SlotExtractor.extract(line, LocalDate.now());
            if (s.amount().isPresent()) {
                amount = s.amount().get();
            }
            if (s.payee().isPresent()) {
                payee = s.payee().get();
            }
            Matcher card = CARD.matcher(line);
            Matcher iban = IBAN.matcher(line);
            if (card.find()) {
                account = card.group(1).replaceAll("[ -]", "");
            } else if (iban.find()) {
                account = iban.group(1).replace(" ", "");
            }
        }
        if (payee == null && asked != null && asked.equals(prompts.get("ask-payee").in(language))) {
            String bare = LEADING.matcher(question.strip()).replaceFirst("").replaceAll("[。.!！?？]+$", "").strip();
            if (!bare.isEmpty() && bare.length() <= 30 && !bare.matches(".*\\d.*")) {
                payee = bare;
            }
        }
        if (amount == null) {
            return new Plan(null, prompts.get("ask-amount").in(language));
        }
        if (payee == null) {
            return new Plan(null, prompts.get("ask-payee").in(language));
        }
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("payeeName", payee);
        if (account != null) {
            args.put("payeeAccount", account);
        }
        args.put("amount", amount.value());
        args.put("currency", amount.currency());
        return call(RiskGate.REQUEST_TRANSFER, args);
    }

    private static Plan call(String name, Map<String, ?> args) {
        try {
            return new Plan(ToolExecutionRequest.builder().id("offline-" + name).name(name).arguments(JSON.writeValueAsString(args)).build(), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "Customer: ..." and "Assistant: ..." lines of the history block, as [speaker, text]. */
    static List<String[]> historyLines(String prompt) {
        List<String[]> out = new ArrayList<>();
        int start = prompt.indexOf("Earlier in this conversation:");
        int end = prompt.indexOf("The customer asks:");
        if (start < 0 || end < start) {
            return out;
        }
        for (String line : prompt.substring(start, end).split("\\R")) {
            if (line.startsWith("Customer: ")) {
                out.add(new String[] {"Customer", line.substring(10)});
            } else if (line.startsWith("Assistant: ")) {
                out.add(new String[] {"Assistant", line.substring(11)});
            } else if (!out.isEmpty() && !line.isBlank()) {
                String[] last = out.get(out.size() - 1);
                last[1] = last[1] + "\n" + line; // a multi-line answer
            }
        }
        return out;
    }

    static Pattern fieldPattern() {
        return FIELD;
    }
}
