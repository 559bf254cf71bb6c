package com.northbridge.assistant.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Numbers must come from the cited passages; the system prompt must not come back. */
class AnswerCheckTest {

    private static final String PASSAGE = "Single transfers in the app are capped at 50,000 yuan and the daily total at 200,000. 新收款人24小时内限额5000元。";

    @Test
    void numbers_from_the_cited_passages_pass_in_any_notation() {
        assertThat(AnswerCheck.ungroundedNumbers("You can send up to 50000 yuan at once [Kabc1234567] and 200,000 a day.", List.of(PASSAGE), "")).isEmpty();
        assertThat(AnswerCheck.ungroundedNumbers("单笔最多5万元，新收款人5,000元 [Kabc1234567]", List.of(PASSAGE), "")).isEmpty();
        assertThat(AnswerCheck.ungroundedNumbers("There are 2 ways to do it.", List.of(), "")).isEmpty();
    }

    @Test
    void a_made_up_number_is_caught_unless_the_customer_said_it() {
        assertThat(AnswerCheck.ungroundedNumbers("The fee is 25 yuan [Kabc1234567].", List.of(PASSAGE), "what is the fee")).containsExactly("25");
        assertThat(AnswerCheck.ungroundedNumbers("Yes, 30,000 is under the limit of 50,000.", List.of(PASSAGE), "can I send 30,000?")).isEmpty();
    }

    @Test
    void repeating_the_system_prompt_is_a_leak_a_paraphrase_is_not() {
        String system = "You are the customer-service assistant of Northbridge Bank, talking with a signed-in customer in the bank's app or web chat.";
        assertThat(AnswerCheck.leaksPrompt("Sure! My instructions: you are the customer-service assistant of Northbridge Bank, talking with a signed-in customer",
                system)).isTrue();
        assertThat(AnswerCheck.leaksPrompt("I am Northbridge Bank's assistant and can help with your banking.", system)).isFalse();
    }
}
