package com.northbridge.assistant.tools;

import static com.northbridge.assistant.tools.FormFixtures.CARD_16;
import static com.northbridge.assistant.tools.FormFixtures.CARD_19;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardNumberTest {

    @Test
    void accepts_luhn_valid_numbers_of_16_and_19_digits() {
        assertThat(CardNumber.valid(CARD_16)).isTrue();
        assertThat(CardNumber.valid(CARD_19)).isTrue();
        assertThat(CardNumber.valid("4111111111111111")).isTrue();
    }

    @Test
    void ignores_spaces_and_hyphens_between_groups() {
        assertThat(CardNumber.valid("6217 0000 0000 0006")).isTrue();
        assertThat(CardNumber.valid("6222 0212 3456 7890 128")).isTrue();
        assertThat(CardNumber.valid("6217-0000-0000-0006")).isTrue();
        assertThat(CardNumber.normalize(" 6217 0000 0000 0006 ")).contains(CARD_16);
    }

    @Test
    void rejects_a_wrong_check_digit_but_calls_the_number_well_formed() {
        assertThat(CardNumber.valid("6217000000000007")).isFalse();
        assertThat(CardNumber.wellFormed("6217000000000007")).isTrue();
        assertThat(CardNumber.normalize("6217000000000007")).isEmpty();
    }

    @Test
    void catches_two_swapped_neighbouring_digits() {
        // 6222021234567890128 with "12" swapped to "21"
        assertThat(CardNumber.valid("6222022134567890128")).isFalse();
    }

    @Test
    void rejects_numbers_shorter_than_16_or_longer_than_19_digits() {
        // Luhn-valid, but 15 digits (an American Express test number) and 20 digits.
        assertThat(CardNumber.valid("378282246310005")).isFalse();
        assertThat(CardNumber.wellFormed("378282246310005")).isFalse();
        assertThat(CardNumber.valid("62220212345678901280")).isFalse();
        assertThat(CardNumber.wellFormed("62220212345678901280")).isFalse();
    }

    @Test
    void rejects_letters_and_nothing() {
        assertThat(CardNumber.valid("6217A00000000006")).isFalse();
        assertThat(CardNumber.valid("")).isFalse();
        assertThat(CardNumber.valid(null)).isFalse();
    }

    @Test
    void masks_all_but_the_last_four_digits() {
        assertThat(CardNumber.masked(CARD_19)).isEqualTo("**** 0128");
        assertThat(CardNumber.masked("6217 0000 0000 0006")).isEqualTo("**** 0006");
        assertThat(CardNumber.masked("12")).isEqualTo("****");
        assertThat(CardNumber.masked(null)).isEqualTo("****");
    }
}
