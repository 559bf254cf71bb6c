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
    private static final Pattern TRANSACTIONS = Pattern.compile("交易|明细|流水|记录|转出|笔|transaction|spent|statement|payments?", Pattern.CASE_INSENSITIVE);
    private static final Pattern FIELD = Pattern.compile("([\\p{L} ]{2,24}?)\\s*[:：=]\\s*([^,，;；\\n]+)");
    private static final Pattern TRANSACTION_COUNT = Pattern.compile("(?i)(?:last|latest|recent|最近)\\s*(\\d{1,2})\\s*(?:笔|条|transactions?|payments?)?|(\\d{1,2})\\s*(?:笔|条|transactions)");
    private static final Pattern LEADING_NAME = Pattern.compile("^(?!他|她|我|你|对方|收款|卡号|账号)((?-i:[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})|\\p{IsHan}{2,4})(?=\\s*(?:[,，、]|\\s+(?i:account|card|acct)|\\s*(?:卡号|账号|的卡号|的账号)|\\s*\\d|$))");
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
            args.put("transactions", transactions(question));
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
     * for details, older first, each filling what it names; a reply to "who?" or "which account?" that starts
     * with a name names the payee ("Lisa Chen, 6217…", "Jason Lu, account 6217…").
     */
    private Plan transfer(String question, List<String[]> history, Language language) {
        List<String[]> lines = new ArrayList<>(); // [question the assistant asked before it, or null; the customer's line]
        String pendingQuestion = null;
        for (int i = history.size() - 1; i >= 0; i--) {
            String[] line = history.get(i);
            if (line[0].equals("Assistant")) {
                if (!SlotQuestions.isAsking(line[1], prompts)) {
                    break;
                }
                if (!lines.isEmpty() && lines.get(0)[0] == null) {
                    lines.get(0)[0] = line[1].strip();
                }
                if (pendingQuestion == null) {
                    pendingQuestion = line[1].strip();
                }
            } else {
                if (line[1].startsWith(TranscriptMemoryStore.SUMMARY_PREFIX.strip())) {
                    break; // what was said on another channel is context, not this transfer
                }
                lines.add(0, new String[] {null, line[1]});
            }
        }
        lines.add(new String[] {pendingQuestion, question});
        Amount amount = null;
        String payee = null;
        String account = null;
        for (String[] entry : lines) {
            String line = entry[1];
            Slots s = SlotExtractor.extract(line, LocalDate.now());
            if (s.amount().isPresent()) {
                amount = s.amount().get();
            }
            Optional<String> named = s.payee();
            if (entry[0] != null && asksForPayee(entry[0])) {
                Optional<String> fromSlots = named;
                named = leadingName(line).or(() -> fromSlots.isPresent() ? fromSlots : bareName(line));
            }
            if (named.isPresent()) {
                payee = named.get();
            }
            Matcher card = CARD.matcher(line);
            Matcher iban = IBAN.matcher(line);
            if (card.find()) {
                account = card.group(1).replaceAll("[ -]", "");
            } else if (iban.find()) {
                account = iban.group(1).replace(" ", "");
            }
        }
        if (payee == null) {
            return new Plan(null, prompts.get("ask-payee").in(language));
        }
        if (amount == null) {
            return new Plan(null, prompts.get("ask-amount").in(language));
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

    private boolean asksForPayee(String asked) {
        for (Language l : Language.values()) {
            if (asked.equals(prompts.get("ask-payee").in(l)) || asked.equals(prompts.get("ask-payee-account").in(l))) {
                return true;
            }
        }
        return false;
    }

    /** "Lisa Chen, 6217…", "Jason Lu, account 6217…", "王芳": a name opening the reply. */
    private static Optional<String> leadingName(String line) {
        Matcher m = LEADING_NAME.matcher(LEADING.matcher(line.strip()).replaceFirst(""));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The whole reply as the name, when it is short and has no digits. */
    private static Optional<String> bareName(String line) {
        String bare = LEADING.matcher(line.strip()).replaceFirst("").replaceAll("[。.!！?？]+$", "").strip();
        return !bare.isEmpty() && bare.length() <= 30 && !bare.matches("(?s).*\\d.*") && !bare.contains(" ") || bare.matches("[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}")
                ? Optional.of(bare) : Optional.empty();
    }

    /** How many recent transactions the customer asked for: the number they named, five by default. */
    private static int transactions(String question) {
        if (!TRANSACTIONS.matcher(question).find()) {
            return 0;
        }
        Matcher n = TRANSACTION_COUNT.matcher(question);
        return n.find() ? Math.min(20, Integer.parseInt(n.group(1) != null ? n.group(1) : n.group(2))) : 5;
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
