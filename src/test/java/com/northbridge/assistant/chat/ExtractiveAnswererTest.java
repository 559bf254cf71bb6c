package com.northbridge.assistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.northbridge.assistant.text.Language;

class ExtractiveAnswererTest {

    private static final Source CARDS = new Source("K0000000000d4", "Fee Schedule § 2 Cards",
            "Replacing a lost or damaged card costs 5 yuan. An expedited replacement costs 20 yuan. Cards are mailed within 5 days.");
    private static final Source WAIVER = new Source("K0000000000e5", "借记卡年费",
            "借记卡年费为每年10元。\n符合以下任意一项条件的借记卡，可以免收年费：\n（一）上月日均余额不低于10,000元；\n（二）账户有代发工资入账。\n年费从卡内扣收。");

    @Test
    void chatter_and_the_customers_own_amounts_do_not_count_against_a_question() {
        assertThat(ExtractiveAnswerer.topicTerms("my card snapped in half lol, what's it gonna cost me?")).doesNotContain("lol", "what's", "gonna");
        assertThat(ExtractiveAnswerer.topicTerms("what would he pay to send 8,000 there")).doesNotContain("8000");
    }

    @Test
    void answers_each_part_of_a_question_in_two_parts() {
        String answer = ExtractiveAnswerer.answer("what does a replacement card cost, and how much if I need it quickly?", List.of(CARDS), Language.EN)
                .orElseThrow();
        assertThat(answer).contains("5 yuan").contains("20 yuan");
    }

    @Test
    void a_question_asking_two_things_gets_a_sentence_for_each_and_no_repeated_statement() {
        List<Source> loan = List.of(
                new Source("K0000000000a1", "Easy Loan § 1", "Easy Loan is our personal consumer loan. Easy Loan is a consumer loan for private persons."),
                new Source("K0000000000a2", "Easy Loan § 2", "An Easy Loan is between 1,000 and 300,000 yuan. The term of an Easy Loan is 6 to 60 months."));
        String answer = ExtractiveAnswerer.answer("Easy Loan: whats the biggest amount and the longest term?", loan, Language.EN).orElseThrow();
        assertThat(answer).contains("300,000").contains("60 months");
        assertThat(answer).doesNotContain("is a consumer loan for private persons");
    }

    @Test
    void a_sentence_that_introduces_a_table_brings_its_rows_and_an_example_brings_its_rule() {
        Source fees = new Source("K0000000000b1", "收费标准 § 2", "使用借记卡在ATM取款，按取款地点收费如下：\n取款地点 | 收费标准\n本行ATM | 免费\n其他银行ATM | 每月前3笔免费，之后每笔2元");
        assertThat(ExtractiveAnswerer.answer("别的银行的ATM取款收不收费", List.of(fees), Language.ZH).orElseThrow()).contains("每月前3笔免费");
        Source atm = new Source("K0000000000b2", "Debit card § 3", "From the fourth withdrawal in a month, each costs 2 yuan. "
                + "So if you withdraw cash at other banks' ATMs five times in one month, you pay 4 yuan in total.");
        assertThat(ExtractiveAnswerer.answer("what do five withdrawals at other banks' ATMs in a month cost", List.of(atm), Language.EN).orElseThrow())
                .contains("From the fourth withdrawal");
    }

    @Test
    void a_sentence_that_introduces_a_list_brings_the_list() {
        String answer = ExtractiveAnswerer.answer("借记卡年费怎么免", List.of(WAIVER), Language.ZH).orElseThrow();
        assertThat(answer).contains("10,000元").contains("工资");
    }

    @Test
    void a_question_about_something_the_sources_do_not_mention_has_no_answer() {
        assertThat(ExtractiveAnswerer.answer("can I rent a safe deposit box at a branch", List.of(CARDS), Language.EN)).isEmpty();
        List<Source> nearTopic = List.of(
                new Source("K0000000000f6", "Deposit insurance", "Deposits are protected by deposit insurance up to 500,000 yuan per depositor."),
                new Source("K0000000000f7", "Security", "We will never ask you to move money to a \"safe account\"."),
                new Source("K0000000000f8", "ATMs", "ATMs accept cash deposits 24 hours a day, also when branches are closed."));
        assertThat(ExtractiveAnswerer.answer("can I rent a safe deposit box at your branch", nearTopic, Language.EN)).isEmpty();
    }

    @Test
    void customers_phrases_meet_the_documents_words() {
        assertThat(ExtractiveAnswerer.topicTerms("My aunt in Canada is sending money, will you take a cut when it comes in?"))
                .contains("abroad", "incoming", "fee");
        assertThat(ExtractiveAnswerer.topicTerms("planning to pay in 60k cash, will the bank report it")).contains("deposit", "cash");
        assertThat(ExtractiveAnswerer.topicTerms("给澳洲的女儿汇5万人民币")).contains("境外", "元");
        // Narrow on purpose: these are no deposit and no incoming payment.
        assertThat(ExtractiveAnswerer.topicTerms("can I pay in instalments")).doesNotContain("deposit");
        assertThat(ExtractiveAnswerer.topicTerms("can I come in on saturday")).doesNotContain("incoming");
    }

    @Test
    void clauses_parted_by_a_space_are_parts_when_they_ask_something() {
        assertThat(ExtractiveAnswerer.parts("白金卡年费多少 消费多少能免")).containsExactly("白金卡年费多少", "消费多少能免");
        // A clause that asks nothing is the setting of the next one.
        assertThat(ExtractiveAnswerer.parts("我网上开的二类户 一天能往外转多少钱？一年呢"))
                .containsExactly("我网上开的二类户 一天能往外转多少钱", "一年呢");
        assertThat(ExtractiveAnswerer.parts("定期存了两年 提前取出来利息怎么算")).isEmpty();
    }

    @Test
    void a_how_much_part_is_answered_by_a_number_not_by_a_sentence_that_only_shares_its_words() {
        Source platinum = new Source("K0000000000c1", "信用卡 § 3.2 白金卡年费", "北桥银行白金信用卡的年费为每年1,000元。"
                + "一年内刷卡消费累计满200,000元，即可免除当年年费。"
                + "白金卡适合消费金额较大的客户，如果您的年消费远低于这个水平，可以考虑改持标准信用卡，避免承担较高的年费。");
        String answer = ExtractiveAnswerer.answer("白金卡年费多少 消费多少能免", List.of(platinum), Language.ZH).orElseThrow();
        assertThat(answer).contains("1,000元").contains("200,000元");
    }

    @Test
    void a_sentence_ending_in_a_semicolon_brings_the_rest_of_its_statement() {
        Source wire = new Source("K0000000000c2", "收费标准 § 1.3 境外汇款", "向境外汇出款项需要支付两项费用：手续费为汇款金额的0.1%，最低50元、最高260元；"
                + "另收电报费150元。从境外汇入本行账户的款项，本行不收取费用。");
        String answer = ExtractiveAnswerer.answer("女儿在澳洲读书，给她汇5万人民币过去，总共要交多少手续费？", List.of(wire), Language.ZH).orElseThrow();
        assertThat(answer).contains("0.1%").contains("电报费150元");
    }
}
