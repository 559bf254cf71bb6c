package com.northbridge.assistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormFieldsTest {

    @Test
    void reads_labelled_transfer_fields_line_by_line() {
        String text = "转账表格这样填行吗？\n收款人 刘小红\n收款账号 6217070907095847\n金额 -500\n用途 还钱";
        assertThat(FormFields.formOf(text)).isEqualTo("transfer");
        assertThat(FormFields.extract(text)).containsEntry("payeeName", "刘小红").containsEntry("payeeAccount", "6217070907095847")
                .containsEntry("amount", "-500").containsEntry("purpose", "还钱");
    }

    @Test
    void a_blank_label_stays_blank_and_a_new_payee_form_is_recognised() {
        String text = "New payee details, can you check them? Didn't know what to put for the name so I left it\n"
                + "Name:\nAccount: 6217285139162310\nBank: East River Bank\nMobile: 13912345678";
        assertThat(FormFields.formOf(text)).isEqualTo("new_payee");
        assertThat(FormFields.extract(text)).containsEntry("name", "").containsEntry("account", "6217285139162310")
                .containsEntry("bankName", "East River Bank").containsEntry("mobile", "13912345678");
    }

    @Test
    void reads_a_loan_application_written_on_one_line() {
        String text = "随心贷 朱婷 110105199610221219 手机1381234567 金额3万 期限12个月 用途旅游 月收入1万 收入记录10个月 帮我看看";
        assertThat(FormFields.formOf(text)).isEqualTo("loan_application");
        assertThat(FormFields.extract(text)).containsEntry("mobile", "1381234567").containsEntry("amount", "30000")
                .containsEntry("termMonths", "12").containsEntry("purpose", "旅游").containsEntry("monthlyIncome", "10000")
                .containsEntry("incomeMonths", "10").containsEntry("residentId", "110105199610221219");
    }

    @Test
    void a_mobile_number_is_never_the_loan_amount() {
        String text = "name Sophie Turner / ID 110105199105171169 / mobile 13512345678 / amount 80000 / 36 months / purpose: buying stocks"
                + " / income 18000 a month / 20 months of payslips";
        assertThat(FormFields.extract(text)).containsEntry("amount", "80000").containsEntry("termMonths", "36")
                .containsEntry("incomeMonths", "20").containsEntry("monthlyIncome", "18000").containsEntry("purpose", "buying stocks");
    }

    @Test
    void reads_a_contact_change_with_an_address_containing_a_comma() {
        String text = "Contact change form, want to make sure it's right first:\nresident ID: 110105197703031028\n"
                + "new email: james.carter@mail\nnew address: 12 Harbour Road, Apt 5";
        assertThat(FormFields.formOf(text)).isEqualTo("contact_change");
        assertThat(FormFields.extract(text)).containsEntry("newEmail", "james.carter@mail").containsEntry("newAddress", "12 Harbour Road, Apt 5")
                .containsEntry("residentId", "110105197703031028");
    }
}
