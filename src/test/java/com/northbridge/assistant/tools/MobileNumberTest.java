package com.northbridge.assistant.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumberTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"13800138000", "+8613800138000", "8613800138000", "008613800138000", "+86 138 0013 8000",
            "138-0013-8000", " 13800138000 ", "+86-138-0013-8000"})
    void reads_the_same_number_in_every_usual_spelling(String number) {
        assertThat(MobileNumber.valid(number)).isTrue();
        assertThat(MobileNumber.normalize(number)).contains("13800138000");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"13012345678", "14512345678", "15912345678", "16612345678", "17712345678", "18812345678",
            "19912345678"})
    void accepts_every_prefix_from_13_to_19(String number) {
        assertThat(MobileNumber.valid(number)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"12800138000", "10800138000", "1380013800", "138001380001", "+85213800138000",
            "+1 13800138000", "010-12345678", "1380013800a", "86 1380013800"})
    void rejects_numbers_that_are_no_mainland_mobile(String number) {
        assertThat(MobileNumber.valid(number)).isFalse();
        assertThat(MobileNumber.normalize(number)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void rejects_nothing(String number) {
        assertThat(MobileNumber.valid(number)).isFalse();
    }

    @Test
    void strips_the_country_prefix_only_once() {
        assertThat(MobileNumber.normalize("+86 86 13800138000")).isEmpty();
    }
}
