package com.northbridge.assistant.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormTypeTest {

    @Test
    void reads_names_in_any_case_with_underscores_or_hyphens() {
        assertThat(FormType.fromName("transfer")).contains(FormType.TRANSFER);
        assertThat(FormType.fromName("new_payee")).contains(FormType.NEW_PAYEE);
        assertThat(FormType.fromName("New-Payee")).contains(FormType.NEW_PAYEE);
        assertThat(FormType.fromName("LOAN_APPLICATION")).contains(FormType.LOAN_APPLICATION);
        assertThat(FormType.fromName(" contact-change ")).contains(FormType.CONTACT_CHANGE);
    }

    @Test
    void knows_no_other_forms() {
        assertThat(FormType.fromName("mortgage")).isEmpty();
        assertThat(FormType.fromName("newpayee")).isEmpty();
        assertThat(FormType.fromName("")).isEmpty();
        assertThat(FormType.fromName(null)).isEmpty();
    }
}
