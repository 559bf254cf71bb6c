package com.northbridge.assistant.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BicTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"DEUTDEFF", "DEUTDEFF500", "NWBKGB2L", "BKCHCNBJ", "bkchcnbj110", " COBADEFFXXX "})
    void accepts_8_and_11_character_codes(String bic) {
        assertThat(Bic.valid(bic)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"DEUTDEF", "DEUTDEFF5", "DEUTDEFF50", "DEUTDEFF5000", "DEU1DEFF", "DEUTD3FF", "DEUT-DEFF"})
    @NullAndEmptySource
    void rejects_other_lengths_and_digits_where_letters_belong(String bic) {
        assertThat(Bic.valid(bic)).isFalse();
    }
}
