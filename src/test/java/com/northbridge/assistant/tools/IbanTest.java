package com.northbridge.assistant.tools;

import static com.northbridge.assistant.tools.FormFixtures.IBAN_DE;
import static com.northbridge.assistant.tools.FormFixtures.IBAN_FR;
import static com.northbridge.assistant.tools.FormFixtures.IBAN_GB;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IbanTest {

    @Test
    void accepts_the_registry_examples_for_germany_britain_and_france() {
        assertThat(Iban.valid(IBAN_DE)).isTrue();
        assertThat(Iban.valid(IBAN_GB)).isTrue();
        assertThat(Iban.valid(IBAN_FR)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"NL91ABNA0417164300", "CH9300762011623852957", "ES9121000418450200051332",
            "IT60X0542811101000000123456"})
    void accepts_other_countries_with_their_own_lengths(String iban) {
        assertThat(Iban.valid(iban)).isTrue();
    }

    @Test
    void normalizes_to_upper_case_without_spaces() {
        assertThat(Iban.normalize(IBAN_DE)).contains("DE89370400440532013000");
        assertThat(Iban.normalize("gb29 nwbk 6016 1331 9268 19")).contains("GB29NWBK60161331926819");
    }

    @Test
    void rejects_wrong_check_digits_but_calls_the_iban_well_formed() {
        assertThat(Iban.valid("DE88370400440532013000")).isFalse();
        assertThat(Iban.wellFormed("DE88370400440532013000")).isTrue();
        assertThat(Iban.normalize("GB28NWBK60161331926819")).isEmpty();
    }

    @Test
    void rejects_a_single_mistyped_digit_in_the_account_part() {
        assertThat(Iban.valid("DE89370400440532013001")).isFalse();
    }

    @Test
    void rejects_the_wrong_length_for_the_country() {
        // A valid German IBAN is 22 characters; one digit dropped or added is caught before the checksum.
        assertThat(Iban.wellFormed("DE8937040044053201300")).isFalse();
        assertThat(Iban.wellFormed("DE893704004405320130000")).isFalse();
        // GB is 22 long like DE, FR is 27: a French prefix on a 22-character body is wrong.
        assertThat(Iban.wellFormed("FR89370400440532013000")).isFalse();
    }

    @Test
    void rejects_countries_it_cannot_check_and_malformed_text() {
        assertThat(Iban.valid("ZZ89370400440532013000")).isFalse();
        assertThat(Iban.valid("DEXX370400440532013000")).isFalse();
        assertThat(Iban.valid("")).isFalse();
        assertThat(Iban.valid(null)).isFalse();
    }

    @Test
    void tells_an_iban_from_a_card_number_by_its_country_letters_and_check_digits() {
        assertThat(Iban.looksLikeIban(IBAN_GB)).isTrue();
        assertThat(Iban.looksLikeIban("de89")).isTrue();
        assertThat(Iban.looksLikeIban("account 12")).isFalse();
        assertThat(Iban.looksLikeIban("6217000000000006")).isFalse();
        assertThat(Iban.looksLikeIban(null)).isFalse();
    }
}
