package com.northbridge.assistant.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyAmountTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "5000|5000", "5000.5|5000.5", "5000.50|5000.50", "12,345.67|12345.67", "1,000,000|1000000",
            "¥1,000|1000", "￥ 88.8|88.8", "CNY 200|200", "cny200|200", "300元|300", "300 元|300", "0|0"})
    void reads_plain_grouped_and_marked_amounts(String text, String expected) {
        assertThat(MoneyAmount.parse(text)).contains(new BigDecimal(expected));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "abc", "1.234", "-100", "+100", "1,00", "12,3456", "1.", ".5", "1 000", "100美元", "$100",
            "五千"})
    void rejects_what_is_not_an_amount(String text) {
        assertThat(MoneyAmount.parse(text)).isEmpty();
    }

    @Test
    void rejects_nothing() {
        assertThat(MoneyAmount.parse(null)).isEmpty();
    }

    @Test
    void keeps_the_exact_decimal_value() {
        assertThat(MoneyAmount.parse("0.10")).hasValueSatisfying(value -> assertThat(value.scale()).isEqualTo(2));
    }

    @Test
    void understands_iso_codes_in_any_case_and_rmb() {
        assertThat(MoneyAmount.currency("usd")).contains(Currency.getInstance("USD"));
        assertThat(MoneyAmount.currency(" EUR ")).contains(Currency.getInstance("EUR"));
        assertThat(MoneyAmount.currency("RMB")).contains(Currency.getInstance("CNY"));
        assertThat(MoneyAmount.currency("AUD")).contains(Currency.getInstance("AUD"));
        assertThat(MoneyAmount.currency("QQQ")).isEmpty();
        assertThat(MoneyAmount.currency("US")).isEmpty();
        assertThat(MoneyAmount.currency(null)).isEmpty();
    }

    @Test
    void handles_only_the_six_currencies_of_the_bank() {
        assertThat(MoneyAmount.HANDLED_CURRENCIES).extracting(Currency::getCurrencyCode)
                .containsExactlyInAnyOrder("CNY", "USD", "EUR", "HKD", "GBP", "JPY");
        assertThat(MoneyAmount.handledByBank(Currency.getInstance("JPY"))).isTrue();
        assertThat(MoneyAmount.handledByBank(Currency.getInstance("AUD"))).isFalse();
    }
}
