package com.northbridge.assistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SlotExtractorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "转5000元给李雷|5000|CNY",
            "transfer ¥5,000 to Li Lei|5000|CNY",
            "send 5k to my landlord|5000|CNY",
            "给我妈转五千块|5000|CNY",
            "帮我转1.5万|15000|CNY",
            "转一万二给房东|12000|CNY",
            "三千五百元|3500|CNY",
            "两万块|20000|CNY",
            "pay USD 200 to Anna|200|USD",
            "wire 300 dollars|300|USD",
            "transfer 49,900 yuan|49900|CNY",
            "RMB 88.50|88.5|CNY",
            "can u send 王芳 twenty thousand yuan|20000|CNY",
            "5000，哦不对，3000|3000|CNY",
            "1000. no wait, make it 1500|1500|CNY",
            "转3000元到6217521874998314，户名李四|3000|CNY",
    })
    void reads_amounts_as_customers_write_them(String text, String value, String currency) {
        Amount amount = SlotExtractor.amount(text).orElseThrow();
        assertThat(amount.value()).isEqualByComparingTo(new BigDecimal(value));
        assertThat(amount.currency()).isEqualTo(currency);
    }

    @Test
    void does_not_take_durations_card_suffixes_or_dates_for_amounts() {
        assertThat(SlotExtractor.amount("why does it take 2 hours")).isEmpty();
        assertThat(SlotExtractor.amount("用尾号1234的卡")).isEmpty();
        assertThat(SlotExtractor.amount("on 2026-12-01")).isEmpty();
        assertThat(SlotExtractor.amount("贷款期限36个月")).isEmpty();
        assertThat(SlotExtractor.amount("his card is 6217808607141597")).isEmpty();
        assertThat(SlotExtractor.amount("手机13812345678")).isEmpty();
    }

    @Test
    void finds_the_payee_in_both_languages() {
        assertThat(SlotExtractor.payee("给李雷转5000")).contains("李雷");
        assertThat(SlotExtractor.payee("转给韩梅梅500元")).contains("韩梅梅");
        assertThat(SlotExtractor.payee("给我妈转五千块")).contains("我妈");
        assertThat(SlotExtractor.payee("那现在给我表哥周伟转3万")).contains("周伟");
        assertThat(SlotExtractor.payee("转给同事王磊两千")).contains("王磊");
        assertThat(SlotExtractor.payee("transfer 5000 to Li Lei please")).contains("Li Lei");
        assertThat(SlotExtractor.payee("Please transfer 12 yuan to 王芳")).contains("王芳");
        assertThat(SlotExtractor.payee("send 200 to my landlord")).contains("my landlord");
        assertThat(SlotExtractor.payee("what is the transfer limit")).isEmpty();
        assertThat(SlotExtractor.payee("给James Carter转5000元")).contains("James Carter");
        assertThat(SlotExtractor.payee("James Carter那边再转49500")).contains("James Carter");
        assertThat(SlotExtractor.payee("转3000元到6217521874998314，户名李四")).contains("李四");
        assertThat(SlotExtractor.payee("pay 45000 to 6217800042165018 (Kevin Zhang) for the car")).contains("Kevin Zhang");
        assertThat(SlotExtractor.payee("wire 120k to 6217342577548284, Robert Chan")).contains("Robert Chan");
        assertThat(SlotExtractor.payee("send 2000 to account 6217808607141597, name Tom Baker")).contains("Tom Baker");
        assertThat(SlotExtractor.payee("send 王芳 5k for dinner")).contains("王芳");
        assertThat(SlotExtractor.payee("send money")).isEmpty();
    }

    @Test
    void finds_the_account_suffix() {
        assertThat(SlotExtractor.accountSuffix("用尾号6789的卡付")).contains("6789");
        assertThat(SlotExtractor.accountSuffix("from my account ending in 4321")).contains("4321");
        assertThat(SlotExtractor.accountSuffix("last four digits are 1122")).contains("1122");
    }

    @Test
    void reads_relative_and_written_dates() {
        assertThat(SlotExtractor.date("pay him tomorrow", TODAY)).contains(LocalDate.of(2026, 11, 24));
        assertThat(SlotExtractor.date("后天转", TODAY)).contains(LocalDate.of(2026, 11, 25));
        assertThat(SlotExtractor.date("on 2026-12-01", TODAY)).contains(LocalDate.of(2026, 12, 1));
        assertThat(SlotExtractor.date("12月1日转账", TODAY)).contains(LocalDate.of(2026, 12, 1));
        assertThat(SlotExtractor.date("1月5号", TODAY)).contains(LocalDate.of(2027, 1, 5));
        assertThat(SlotExtractor.date("2月30日", TODAY)).isEmpty();
    }

    @Test
    void gathers_all_slots_of_a_message() {
        Slots slots = SlotExtractor.extract("明天从尾号1234的卡给李雷转5000元", TODAY);
        assertThat(slots.amount()).contains(Amount.cny("5000"));
        assertThat(slots.payee()).contains("李雷");
        assertThat(slots.accountSuffix()).contains("1234");
        assertThat(slots.date()).contains(TODAY.plusDays(1));
        assertThat(SlotExtractor.extract("hello there", TODAY).isEmpty()).isTrue();
    }
}
