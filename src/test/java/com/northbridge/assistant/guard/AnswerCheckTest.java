package com.northbridge.assistant.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Numbers must come from the cited passages; the system prompt must not come back, nor a claim of granted access. */
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

    @Test
    void a_claim_of_granted_access_or_a_confirmed_identity_is_caught_in_both_languages() {
        assertThat(AnswerCheck.accessClaims("Access Granted.", List.of())).containsExactly("Access Granted");
        assertThat(AnswerCheck.accessClaims("Sure, I have verified your identity, so here are the details.", List.of())).isNotEmpty();
        assertThat(AnswerCheck.accessClaims("Your identity has been confirmed.", List.of())).isNotEmpty();
        assertThat(AnswerCheck.accessClaims("好的，访问已授权。", List.of())).isNotEmpty();
        assertThat(AnswerCheck.accessClaims("您的身份已核实，现在可以继续。", List.of())).isNotEmpty();
    }

    @Test
    void talking_about_verification_is_not_a_claim_and_a_cited_rule_may_describe_it() {
        assertThat(AnswerCheck.accessClaims("Once your identity is verified, the new limit applies [Kabc1234567].", List.of())).isEmpty();
        assertThat(AnswerCheck.accessClaims("To verify your identity, bring your ID card to a branch.", List.of())).isEmpty();
        assertThat(AnswerCheck.accessClaims("请携带身份证到网点办理身份验证。", List.of())).isEmpty();
        String rule = "柜员完成核验后，客户身份已核实的，方可办理挂失。";
        assertThat(AnswerCheck.accessClaims("按规定，客户身份已核实的，方可办理挂失 [Kabc1234567]。", List.of(rule))).isEmpty();
    }
}
