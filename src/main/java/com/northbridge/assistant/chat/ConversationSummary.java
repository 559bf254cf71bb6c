package com.northbridge.assistant.chat;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A short, deterministic summary of a conversation for the customer's next channel: where and when, what
 * the customer asked (last three questions), and which documents the answers rested on. It copies the
 * customer's own words and the citation labels, so it cannot misstate an amount or a rule.
 */
final class ConversationSummary {

    private static final int QUESTIONS = 3;
    private static final ZoneId BANK_TIME = ZoneId.of("Asia/Shanghai");

    private ConversationSummary() {
    }

    static String of(Conversation conversation, List<ConversationMessage> messages) {
        List<String> questions = messages.stream().filter(m -> ConversationMessage.CUSTOMER.equals(m.role))
                .map(m -> m.content).toList();
        List<String> recent = questions.subList(Math.max(0, questions.size() - QUESTIONS), questions.size());
        String sources = messages.stream().filter(m -> m.citations != null).flatMap(m -> m.citations.stream())
                .map(Citation::citation).distinct().limit(3).collect(Collectors.joining("; "));
        String day = conversation.updatedAt.atZone(BANK_TIME).toLocalDate().toString();
        boolean handedOff = conversation.handedToPerson();
        if ("zh".equals(conversation.language)) {
            return "客户于" + day + "在" + conversation.channel + "渠道问过：" + recent.stream().map(q -> "“" + q + "”").collect(Collectors.joining("；"))
                    + (sources.isEmpty() ? "" : "。回答依据：" + sources) + (handedOff ? "。该对话已转人工。" : "。");
        }
        return "On " + day + " in the " + conversation.channel + " channel the customer asked: "
                + recent.stream().map(q -> "\"" + q + "\"").collect(Collectors.joining("; "))
                + (sources.isEmpty() ? "" : ". Answers rested on: " + sources) + (handedOff ? ". It was handed to a colleague." : ".");
    }
}
