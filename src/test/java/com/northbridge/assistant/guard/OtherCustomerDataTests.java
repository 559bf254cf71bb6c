package com.northbridge.assistant.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.northbridge.assistant.banking.CoreBanking;
import com.northbridge.assistant.banking.CustomerProfile;
import com.northbridge.assistant.banking.DemoBank;

import io.quarkus.test.junit.QuarkusTest;

/** Answers checked against the demo bank's real customers, accounts and payees in PostgreSQL. */
@QuarkusTest
class OtherCustomerDataTests {

    /** The signed-in customer of most tests; 王芳 (c001) and James Carter (c002) are the others. */
    private static final String ME = "c012";

    @Inject
    OtherCustomerData otherCustomerData;

    @Inject
    CoreBanking core;

    @Inject
    DataSource dataSource;

    private Optional<Leak> leak(String customerId, String answer, String... typed) {
        return otherCustomerData.screen(customerId, List.of(typed)).leak(answer);
    }

    private CustomerProfile profile(String id) {
        return core.customer(id).orElseThrow();
    }

    private String residentId(String id) throws Exception {
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement("SELECT resident_id FROM customer WHERE id = ?")) {
            ps.setString(1, id);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static String suffix(String account) {
        return account.substring(account.length() - 4);
    }

    @Test
    void another_customers_account_number_mobile_e_mail_or_resident_id_is_a_leak() throws Exception {
        String account = DemoBank.mainAccount("c001");
        CustomerProfile wang = profile("c001");
        for (String answer : List.of("The account " + account + " is in good standing.",
                "王芳的手机号是" + wang.mobile() + "。",
                "You can reach her at " + wang.email().toUpperCase() + " today.",
                "证件号码 " + residentId("c001") + " 已核验。")) {
            Optional<Leak> leak = leak(ME, answer, "are transfers in the app free");
            assertThat(leak).as(answer).isPresent();
            assertThat(leak.get().customers()).containsExactly("c001");
            assertThat(leak.get().cue()).doesNotContain(account).doesNotContain(wang.mobile()).contains("c001");
        }
        assertThat(leak(ME, "Account " + account + ", mobile " + wang.mobile()).orElseThrow().kinds())
                .containsExactlyInAnyOrder(Identifier.Kind.ACCOUNT_NUMBER, Identifier.Kind.MOBILE);
    }

    @Test
    void the_last_digits_of_another_customers_account_are_a_leak() {
        String theirs = suffix(DemoBank.mainAccount("c001"));

        assertThat(leak(ME, "您查询的是尾号" + theirs + "的账户，余额充足。")).hasValueSatisfying(l -> {
            assertThat(l.kinds()).containsExactly(Identifier.Kind.ACCOUNT_SUFFIX);
            assertThat(l.customers()).containsExactly("c001");
        });
        assertThat(leak(ME, "The card ****" + theirs + " was used yesterday.")).isPresent();
    }

    @Test
    void the_customers_own_accounts_contact_details_and_the_banks_contacts_are_not_a_leak() {
        String mine = DemoBank.mainAccount(ME);
        CustomerProfile me = profile(ME);

        assertThat(leak(ME, "Your account " + mine + " (ending in " + suffix(mine) + ") has 3,000 yuan; we text " + me.mobile()
                + " and write to " + me.email() + ". Questions: 400-600-1234 or complaints@northbridge-bank.example.")).isEmpty();
    }

    @Test
    void a_number_the_customer_typed_in_the_conversation_is_not_a_leak() {
        String jamesCarter = DemoBank.mainAccount("c002");
        String spaced = jamesCarter.replaceAll("(\\d{4})(?=\\d)", "$1 ");

        assertThat(leak(ME, "Your transfer of 200 yuan to James Carter, account " + jamesCarter + ", is waiting for review.",
                "I want to send 200 yuan to James Carter", "his account is " + spaced)).isEmpty();
        assertThat(leak(ME, "Your transfer to account " + jamesCarter + " is waiting for review.", "send 200 yuan to James Carter")).isPresent();
    }

    @Test
    void a_saved_payee_is_the_customers_own_data_but_nobody_elses() {
        // 王芳 (c001) has James Carter's (c002) main account among her payees.
        String answer = "Your payee James Carter (" + DemoBank.mainAccount("c002") + ") received 300 yuan last month.";

        assertThat(leak("c001", answer)).isEmpty();
        assertThat(leak(ME, answer)).hasValueSatisfying(l -> assertThat(l.customers()).containsExactly("c002"));
    }

    @Test
    void a_number_nobody_holds_is_a_leak_only_in_a_sentence_naming_another_customer() {
        assertThat(leak(ME, "James Carter's mobile is 13900001111.")).hasValueSatisfying(l -> {
            assertThat(l.kinds()).containsExactly(Identifier.Kind.MOBILE);
            assertThat(l.customers()).containsExactly("c002");
        });
        assertThat(leak(ME, "你可以联系王芳，电话13900001111。")).isPresent();
        assertThat(leak(ME, "Fraudsters may call from numbers such as 13900001111. Hang up and call us.")).isEmpty();
        assertThat(leak(ME, "James Carter is a fine name. Call 13900001111 for the lottery.")).isEmpty();
        // The customer's own name is no other customer's.
        assertThat(leak(ME, profile(ME).name() + ", the number 13900001111 is not one of ours.")).isEmpty();
    }

    @Test
    void a_streamed_answer_never_passes_on_another_customers_number_not_even_in_part() {
        String account = DemoBank.mainAccount("c001");
        StringBuilder shown = new StringBuilder();
        OtherCustomerData.HeldStream held = otherCustomerData.screen(ME, List.of("is my transfer fine")).holdingBack(shown::append);

        for (String piece : ("Your transfer is fine. The account " + account.substring(0, 4) + " " + account.substring(4, 8) + " "
                + account.substring(8, 12) + " " + account.substring(12) + " belongs to someone else.").split("(?<= )")) {
            held.accept(piece);
        }

        assertThat(held.stopped()).isTrue();
        assertThat(shown.toString()).startsWith("Your transfer is fine.").doesNotContain(account.substring(0, 4));
        held.finish();
        assertThat(shown.toString()).doesNotContain(account.substring(0, 4));
    }

    @Test
    void a_number_streamed_late_in_a_long_answer_is_caught_like_one_in_a_short_answer() {
        String account = DemoBank.mainAccount("c001");
        StringBuilder shown = new StringBuilder();
        OtherCustomerData.HeldStream held = otherCustomerData.screen(ME, List.of("is my transfer fine")).holdingBack(shown::append);
        String answer = "Your transfer is fine. ".repeat(30) + "Ending in " + account.substring(12) + ", the account " + account.substring(0, 4) + " "
                + account.substring(4, 8) + " " + account.substring(8, 12) + " " + account.substring(12) + " belongs to someone else.";

        for (String piece : answer.split("(?<= )")) {
            held.accept(piece);
        }

        assertThat(held.stopped()).isTrue();
        assertThat(shown.toString()).startsWith("Your transfer is fine.").doesNotContain(account.substring(0, 4)).doesNotContain(account.substring(12));
    }

    @Test
    void a_streamed_number_nobody_holds_waits_for_the_end_of_its_sentence() {
        StringBuilder shown = new StringBuilder();
        OtherCustomerData.HeldStream held = otherCustomerData.screen(ME, List.of()).holdingBack(shown::append);

        held.accept("If in doubt, call ");
        held.accept("13900001111 ");
        held.accept("from your ");
        assertThat(shown.toString()).isEqualTo("If in doubt, call ");
        held.accept("phone. Thanks");
        assertThat(shown.toString()).isEqualTo("If in doubt, call 13900001111 from your phone. ");
        held.finish();
        assertThat(shown.toString()).isEqualTo("If in doubt, call 13900001111 from your phone. Thanks");

        StringBuilder named = new StringBuilder();
        OtherCustomerData.HeldStream nameFollows = otherCustomerData.screen(ME, List.of()).holdingBack(named::append);
        for (String piece : List.of("Call ", "13900001111 ", "to reach ", "James ", "Carter. ", "Bye")) {
            nameFollows.accept(piece);
        }
        assertThat(nameFollows.stopped()).isTrue();
        assertThat(named.toString()).isEqualTo("Call ");
    }

    @Test
    void a_restarted_stream_forgets_what_it_held() {
        StringBuilder shown = new StringBuilder();
        OtherCustomerData.HeldStream held = otherCustomerData.screen(ME, List.of()).holdingBack(shown::append);
        held.accept("The account " + DemoBank.mainAccount("c001") + " is ");
        assertThat(held.stopped()).isTrue();

        held.restart();
        shown.setLength(0);
        held.accept("Transfers in the app are free.");
        held.finish();

        assertThat(held.stopped()).isFalse();
        assertThat(shown.toString()).isEqualTo("Transfers in the app are free.");
    }
}
