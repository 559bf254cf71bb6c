package com.northbridge.assistant.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    private static List<String> found(String text) {
        return Identifiers.in(text).stream().map(id -> id.kind() + " " + id.value()).toList();
    }

    @Test
    void finds_full_numbers_masked_account_numbers_and_contact_details_normalised() {
        assertThat(found("Account 6222 0288 0007 9196, mobile +86 139-1765-4321, ID 11010519870807101x, mail James.Carter@mail.example."))
                .containsExactly("ACCOUNT_NUMBER 6222028800079196", "MOBILE 13917654321", "RESIDENT_ID 11010519870807101X",
                        "EMAIL james.carter@mail.example");
        assertThat(found("卡号****8388的账户，尾号为7570的卡，account ending in 6762, the last four digits are 5956, …4339"))
                .containsExactly("ACCOUNT_SUFFIX 8388", "ACCOUNT_SUFFIX 7570", "ACCOUNT_SUFFIX 6762", "ACCOUNT_SUFFIX 5956",
                        "ACCOUNT_SUFFIX 4339");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "A new payee can receive at most 5,000 yuan on the first day; the daily limit is 200000.",
            "Call 400-600-1234 on 2026-12-01 between 9:00 and 17:30.",
            "转账限额为单笔5万元，每日20万元，请拨打400-600-1234。",
            "Reference 1234, article 12, 3 working days.",
    })
    void amounts_dates_limits_and_the_banks_hotline_are_not_identifiers(String text) {
        assertThat(Identifiers.in(text)).isEmpty();
    }

    @Test
    void a_number_or_address_still_being_written_is_not_yet_settled() {
        String number = "Your account is 6222 0288";
        assertThat(Identifiers.settled(number)).isEqualTo(number.indexOf("6222"));
        String mail = "Write to james.car";
        assertThat(Identifiers.settled(mail)).isEqualTo(mail.indexOf("james"));
        assertThat(Identifiers.settled("您的账户尾号12")).isEqualTo("您的账户尾号".length());
        assertThat(Identifiers.settled("您好，我来帮您查询。")).isEqualTo("您好，我来帮您查询。".length());
        assertThat(Identifiers.settled("The fee is waived. ")).isEqualTo("The fee is waived. ".length());
    }

    @Test
    void an_open_end_longer_than_the_last_characters_is_found_where_it_starts() {
        String run = "x".repeat(300) + "@example.co";
        String text = "Write to " + run;
        assertThat(Identifiers.settled(text)).isEqualTo("Write to ".length());
        String longAnswer = "The fee is waived. ".repeat(40) + "Call 6222 02";
        assertThat(Identifiers.settled(longAnswer)).isEqualTo(longAnswer.indexOf("6222"));
    }

    @Test
    void identifiers_after_a_sentence_start_are_those_of_the_whole_text_from_there() {
        String text = "Your card 6222 0288 1234 5678 is blocked. Mail james.carter@example.com or call 13900001111 today";
        int second = Identifiers.sentenceStart(text, text.indexOf("james") + 3);
        assertThat(second).isEqualTo(text.indexOf(" Mail"));
        assertThat(Identifiers.sentenceStart(text, text.indexOf("1234"))).isZero();
        List<Identifier> all = Identifiers.in(text);
        assertThat(Identifiers.in(text, second, text.length())).containsExactlyElementsOf(all.subList(1, all.size()));
        assertThat(Identifiers.sentenceStart("您好。尾号1234的账户", "您好。尾号12".length())).isEqualTo("您好。".length());
    }

    @Test
    void an_identifier_stands_in_its_sentence_which_may_not_be_finished() {
        String text = "Here you are. James Carter's mobile is 13900001111. Anything else?";
        Identifier mobile = Identifiers.in(text).get(0);
        assertThat(Identifiers.sentenceOf(text, mobile)).isEqualTo(new Identifiers.Sentence(" James Carter's mobile is 13900001111.", true));
        String unfinished = "王芳的手机号是13900001111，她";
        assertThat(Identifiers.sentenceOf(unfinished, Identifiers.in(unfinished).get(0)).ended()).isFalse();
    }

    @Test
    void what_the_customer_typed_or_owns_covers_the_same_number_however_it_is_written() {
        KnownIdentifiers known = new KnownIdentifiers().add("please pay 6222 0288 0015 8388, my phone is +86 138-1185-1852")
                .add("6222028800950289").add("400-600-1234");
        assertThat(Identifiers.in("to 6222028800158388 from ****0289, we text 13811851852").stream().allMatch(known::covers)).isTrue();
        // Four digits from the middle of the customer's own number are not the end of it.
        assertThat(known.covers(new Identifier(Identifier.Kind.ACCOUNT_SUFFIX, "0288", 0, 4))).isFalse();
        assertThat(known.covers(new Identifier(Identifier.Kind.ACCOUNT_NUMBER, "6222028800079196", 0, 16))).isFalse();
    }

    @Test
    void the_cue_names_what_was_withheld_and_whose_never_the_data() {
        Leak leak = new Leak(Set.of(Identifier.Kind.MOBILE, Identifier.Kind.ACCOUNT_NUMBER), Set.of("c002"));
        assertThat(leak.cue()).isEqualTo("answer withheld: it showed an account or card number and a mobile number of another customer (c002)");
    }
}
