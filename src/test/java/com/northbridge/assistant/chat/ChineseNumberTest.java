package com.northbridge.assistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ChineseNumberTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"五,5", "十,10", "十五,15", "二十,20", "一百零五,105", "五千,5000", "两万,20000", "三千五百,3500",
            "三千五,3500", "一万二,12000", "一万二千,12000", "十万,100000", "一百万,1000000", "两亿,200000000", "四万九,49000"})
    void reads_written_and_spoken_numerals(String text, long value) {
        assertThat(ChineseNumber.parse(text)).contains(BigDecimal.valueOf(value));
    }

    @Test
    void rejects_text_that_is_not_a_numeral() {
        assertThat(ChineseNumber.parse("五块")).isEmpty();
        assertThat(ChineseNumber.parse("")).isEmpty();
    }
}
