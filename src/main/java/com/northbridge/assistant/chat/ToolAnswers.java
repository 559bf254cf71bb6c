package com.northbridge.assistant.chat;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.northbridge.assistant.risk.RiskGate;
import com.northbridge.assistant.text.Language;

/**
 * How the offline engine words tool results for the customer. Numbers come only from the results; fixed
 * sentences that matter to the bank (the transfer awaiting review) come from prompts/.
 */
final class ToolAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PromptLibrary prompts;

    ToolAnswers(PromptLibrary prompts) {
        this.prompts = prompts;
    }

    String answer(String tool, String result, Language language) {
        boolean zh = language == Language.ZH;
        JsonNode r;
        try {
            r = JSON.readTree(result);
        } catch (Exception e) {
            return prompts.get("refusal").in(language);
        }
        if (r.has("error")) {
            // Another customer's account: the same fixed reply as when the gate refuses the message itself.
            return r.path("error").asText().equals("refused") ? prompts.get("red-refusal").in(language) : r.path("message").asText();
        }
        switch (tool) {
            case RiskGate.LOOKUP_BALANCE -> {
                List<String> parts = new ArrayList<>();
                for (JsonNode a : r.path("accounts")) {
                    parts.add((zh ? "账户 " : "Account ") + a.path("account").asText() + ": " + money(a.path("balance").decimalValue()) + " "
                            + a.path("currency").asText());
                }
                StringBuilder sb = new StringBuilder(zh ? "您的账户余额：" : "Your balances: ").append(String.join(zh ? "；" : "; ", parts))
                        .append(zh ? "。" : ".");
                if (r.path("recentTransactions").size() > 0) {
                    sb.append(zh ? "\n最近的交易：" : "\nRecent transactions:");
                    for (JsonNode t : r.path("recentTransactions")) {
                        sb.append("\n- ").append(t.path("date").asText()).append(" ").append(t.path("description").asText()).append(" ")
                                .append(money(t.path("amount").decimalValue())).append(" ").append(t.path("currency").asText());
                    }
                }
                return sb.toString();
            }
            case RiskGate.VALIDATE_FORM -> {
                if (r.path("valid").asBoolean()) {
                    return zh ? "我检查了您提供的内容，格式和规则都没有发现问题。" : "I checked what you gave me and found no problems with the format or the rules.";
                }
                StringBuilder sb = new StringBuilder(zh ? "表单中有以下问题：" : "I found these problems in the form:");
                for (JsonNode e : r.path("errors")) {
                    sb.append("\n- ").append(e.path("message").asText());
                }
                return sb.toString();
            }
            case RiskGate.CHECK_TRANSFER_RISK -> {
                List<String> why = new ArrayList<>();
                r.path("explanations").forEach(e -> why.add(e.asText()));
                String head = zh ? "风险评分 " + r.path("score").asInt() + "/100" : "Risk score " + r.path("score").asInt() + "/100";
                String text = why.isEmpty() ? head + (zh ? "，未发现风险提示。" : ", no warnings.")
                        : head + (zh ? "：" : ": ") + String.join(zh ? "；" : "; ", why) + (zh ? "。" : ".");
                // A flagged check makes the turn red, and every red turn becomes a case for the staff.
                return r.path("flagged").asBoolean() ? text + (zh ? " 这笔申请已转交工作人员审核，结果会在这里通知您。"
                        : " I've passed this request to our staff for review; you'll see their answer here.") : text;
            }
            case RiskGate.REQUEST_TRANSFER -> {
                String status = r.path("status").asText();
                if (status.equals("payee_unknown")) {
                    return prompts.get("ask-payee-account").in(language);
                }
                if (status.equals("invalid")) {
                    StringBuilder sb = new StringBuilder(zh ? "这笔转账无法提交：" : "I can't submit this transfer:");
                    for (JsonNode e : r.path("errors")) {
                        sb.append("\n- ").append(e.path("message").asText());
                    }
                    return sb.toString();
                }
                if (r.hasNonNull("transferId")) {
                    String text = prompts.get("transfer-requested").in(language);
                    text = text.replace("{{amount}}", money(r.path("amount").decimalValue()) + " " + r.path("currency").asText())
                            .replace("{{payee}}", r.path("payeeName").asText());
                    if (r.path("duplicate").asBoolean()) {
                        text = (zh ? "这笔转账申请此前已提交，正在等待审核。" : "You already asked for this transfer; it is waiting for review.") + " " + text;
                    }
                    return text;
                }
                return r.path("message").asText(prompts.get("refusal").in(language));
            }
            default -> {
                return prompts.get("refusal").in(language);
            }
        }
    }

    static String money(BigDecimal value) {
        DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(value);
    }

}
