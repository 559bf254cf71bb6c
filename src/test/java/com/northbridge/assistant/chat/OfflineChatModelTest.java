package com.northbridge.assistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

class OfflineChatModelTest {

    private static final PromptLibrary PROMPTS = PromptLibrary.load(Path.of("prompts"));
    private static final OfflineChatModel MODEL = new OfflineChatModel(PROMPTS);

    private static final List<Source> SOURCES = List.of(
            new Source("K0000000000a1", "Transfer Limits § 1.2 New payees",
                    "For 24 hours after you add a payee, transfers to that payee are capped at 5,000 yuan in total. After that the normal limits apply."),
            new Source("K0000000000b2", "Fee Schedule § 1.1 App transfers",
                    "Transfers in the app are free. Counter transfers cost 0.5% of the amount."));

    private static ChatResponse ask(String question, List<Source> sources) {
        String user = PROMPTS.get("answer-with-sources").render(Map.of(
                "sources", SourcesBlock.render(sources), "history", "(none)", "question", question));
        return MODEL.chat(ChatRequest.builder().messages(SystemMessage.from("system"), UserMessage.from(user)).build());
    }

    @Test
    void answers_in_the_language_of_the_sentence_not_of_the_names_in_it() {
        assertThat(OfflineChatModel.replyLanguage("给James Carter转5000元", List.of())).isEqualTo(com.northbridge.assistant.text.Language.ZH);
        assertThat(OfflineChatModel.replyLanguage("send 王芳 5k for dinner", List.of())).isEqualTo(com.northbridge.assistant.text.Language.EN);
        List<String[]> english = List.<String[]>of(new String[] {"Customer", "send money"},
                new String[] {"Assistant", "Who would you like to send the money to?"});
        assertThat(OfflineChatModel.replyLanguage("王芳", english)).isEqualTo(com.northbridge.assistant.text.Language.EN);
        assertThat(OfflineChatModel.replyLanguage("2.5k", english)).isEqualTo(com.northbridge.assistant.text.Language.EN);
    }

    @Test
    void answers_from_the_sources_and_cites_them() {
        String answer = ask("how much can I send to a payee I just added", SOURCES).aiMessage().text();

        assertThat(answer).contains("capped at 5,000 yuan").contains("[K0000000000a1]").doesNotContain("0.5%");
    }

    @Test
    void says_it_does_not_know_when_no_source_answers() {
        assertThat(ask("can I rent a safe deposit box", SOURCES).aiMessage().text()).contains("don't know").contains("colleague");
        assertThat(ask("保险箱怎么租", List.of()).aiMessage().text()).contains("人工");
    }

    @Test
    void greets_hands_off_and_turns_away_out_of_scope_requests_in_the_customers_language() {
        assertThat(ask("你好", SOURCES).aiMessage().text()).contains("北桥银行");
        assertThat(ask("I want to talk to a real person", SOURCES).aiMessage().text()).contains("colleague");
        assertThat(ask("which stocks should I buy", SOURCES).aiMessage().text()).contains("not with that");
    }

    @Test
    void a_complaint_is_answered_from_the_sources_and_never_claims_a_hand_over_it_cannot_record() {
        List<Source> complaints = List.of(new Source("K0000000000c3", "Complaints § 2.1 Acknowledgement",
                "We acknowledge every complaint within 1 business day and resolve it within 15 days."));

        assertThat(IntentClassifier.classify("how long until you resolve my complaint")).isEqualTo(Intent.COMPLAINT);
        String answer = ask("how long until you resolve my complaint", complaints).aiMessage().text();

        assertThat(answer).contains("15 days").contains("[K0000000000c3]").doesNotContain("passed our conversation");
    }

    @Test
    void reports_its_name_and_token_counts() {
        ChatResponse response = ask("are app transfers free", SOURCES);
        assertThat(response.modelName()).isEqualTo(OfflineChatModel.MODEL_NAME);
        assertThat(response.tokenUsage().inputTokenCount()).isPositive();
        assertThat(response.tokenUsage().outputTokenCount()).isPositive();
        assertThat(response.aiMessage().text()).contains("free").contains("[K0000000000b2]");
    }
}
