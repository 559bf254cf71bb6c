package com.northbridge.assistant.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

/** Personal data leaves as placeholders and comes back as itself. */
class PiiShieldTest {

    private static final String TEXT = "My ID is 11010519900307123X, card 6222 0288 0007 9197, call +86 138-1234-5678 or mail li.lei@mail.example; "
            + "IBAN DE89 3704 0044 0532 0130 00. The same card 6222 0288 0007 9197 again.";

    @Test
    void masks_every_kind_and_the_same_value_the_same_way() {
        PiiShield shield = new PiiShield();
        String masked = shield.mask(TEXT);
        assertThat(masked).doesNotContain("11010519900307123X", "6222", "1234-5678", "li.lei@", "DE89")
                .contains("[ID_1]", "[CARD_1]", "[PHONE_1]", "[EMAIL_1]", "[IBAN_1]");
        assertThat(masked.split("\\[CARD_1]", -1)).hasSize(3);
        assertThat(shield.masked()).isEqualTo(5);
        assertThat(shield.unmask(masked)).isEqualTo(TEXT);
    }

    @Test
    void leaves_ordinary_numbers_alone() {
        PiiShield shield = new PiiShield();
        String text = "The daily limit is 200,000 yuan, single transfers up to 50,000; call 400-600-1234; account ****9197.";
        assertThat(shield.mask(text)).isEqualTo(text);
    }

    @Test
    void restores_placeholders_in_tool_arguments_and_in_streamed_pieces() {
        PiiShield shield = new PiiShield();
        ChatRequest masked = shield.mask(ChatRequest.builder().messages(UserMessage.from("send 500 to 6217000012345670 please")).build());
        assertThat(((UserMessage) masked.messages().get(0)).singleText()).contains("[CARD_1]");
        ChatResponse fromModel = ChatResponse.builder().aiMessage(AiMessage.from(ToolExecutionRequest.builder().id("1").name("request_transfer")
                .arguments("{\"payeeAccount\": \"[CARD_1]\", \"amount\": 500}").build())).build();
        assertThat(shield.unmask(fromModel).aiMessage().toolExecutionRequests().get(0).arguments()).contains("6217000012345670");

        List<String> out = new ArrayList<>();
        PiiShield.StreamUnmasker stream = shield.streaming(out::add);
        for (String piece : List.of("Sending to [CA", "RD_", "1] now", ", done [")) {
            stream.accept(piece);
        }
        stream.flush();
        assertThat(String.join("", out)).isEqualTo("Sending to 6217000012345670 now, done [");
    }
}
