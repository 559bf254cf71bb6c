package com.northbridge.assistant.tools;

import static com.northbridge.assistant.tools.FormFixtures.CARD_16;
import static com.northbridge.assistant.tools.FormFixtures.CARD_19;
import static com.northbridge.assistant.tools.FormFixtures.IBAN_DE;
import static com.northbridge.assistant.tools.FormFixtures.IBAN_GB;
import static com.northbridge.assistant.tools.FormFixtures.TODAY;
import static com.northbridge.assistant.tools.FormFixtures.fieldsAndCodes;
import static com.northbridge.assistant.tools.FormFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.northbridge.assistant.text.Language;

class TransferFormTest {

    private static final Map<String, String> DOMESTIC = Map.of(
            "fromAccount", CARD_16,
            "payeeName", "张三",
            "payeeAccount", "6222 0212 3456 7890 128",
            "amount", "5,000.00",
            "currency", "CNY",
            "executionDate", TODAY.plusDays(1).toString(),
            "purpose", "房租");

    private static final Map<String, String> CROSS_BORDER = Map.of(
            "fromAccount", CARD_16,
            "payeeName", "Anna Schmidt",
            "payeeAccount", IBAN_DE,
            "bic", "DEUTDEFF",
            "amount", "1200.50",
            "currency", "EUR",
            "purpose", "tuition");

    @ParameterizedTest
    @EnumSource(Language.class)
    void accepts_a_complete_domestic_transfer(Language language) {
        assertThat(validate(DOMESTIC, language)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void accepts_a_complete_transfer_to_an_iban(Language language) {
        assertThat(validate(CROSS_BORDER, language)).isEmpty();
    }

    @Test
    void needs_no_currency_date_or_purpose() {
        Map<String, String> form = Map.of("fromAccount", CARD_16, "payeeName", "李四", "payeeAccount", CARD_19, "amount", "100");

        assertThat(validate(form, Language.ZH)).isEmpty();
    }

    @Test
    void reports_every_missing_required_field_in_form_order() {
        assertThat(fieldsAndCodes(validate(Map.of(), Language.EN)))
                .containsExactly("fromAccount:required", "payeeName:required", "payeeAccount:required", "amount:required");
    }

    @Test
    void treats_blank_values_as_missing() {
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "payeeName", "   "), Language.EN))).containsExactly("payeeName:required");
    }

    @Test
    void ignores_fields_it_does_not_know() {
        assertThat(validate(with(DOMESTIC, "nickname", "x"), Language.EN)).isEmpty();
    }

    @Test
    void checks_the_paying_card() {
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "fromAccount", "12345"), Language.EN))).containsExactly("fromAccount:format");
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "fromAccount", "6217000000000007"), Language.EN)))
                .containsExactly("fromAccount:checksum");
        // An IBAN is a payee's account, never one of ours to pay from.
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "fromAccount", IBAN_GB), Language.EN))).containsExactly("fromAccount:format");
    }

    @Test
    void limits_the_payee_name_to_2_to_50_characters() {
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "payeeName", "张"), Language.EN))).containsExactly("payeeName:too_small");
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "payeeName", "王".repeat(50)), Language.EN))).isEmpty();
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "payeeName", "a".repeat(51)), Language.EN))).containsExactly("payeeName:too_large");
    }

    @Test
    void checks_the_payee_account_as_card_or_iban() {
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "payeeAccount", "6222021234567890129"), Language.EN)))
                .containsExactly("payeeAccount:checksum");
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "payeeAccount", "1234"), Language.EN))).containsExactly("payeeAccount:format");
        assertThat(fieldsAndCodes(validate(with(CROSS_BORDER, "payeeAccount", "DE88370400440532013000"), Language.EN)))
                .containsExactly("payeeAccount:checksum");
        assertThat(fieldsAndCodes(validate(with(CROSS_BORDER, "payeeAccount", "DE8937040044053201300"), Language.EN)))
                .containsExactly("payeeAccount:format");
    }

    @Test
    void says_when_the_card_check_digit_is_wrong() {
        List<FieldError> zh = validate(with(DOMESTIC, "payeeAccount", "6222021234567890129"), Language.ZH);
        List<FieldError> en = validate(with(DOMESTIC, "payeeAccount", "6222021234567890129"), Language.EN);

        assertThat(zh.get(0).message()).isEqualTo("收款账号校验位不正确，请核对卡号。");
        assertThat(en.get(0).message()).isEqualTo("The payee account number fails its check digit; please check the card number.");
    }

    @Test
    void rejects_amounts_that_are_not_positive_or_have_more_than_two_decimals() {
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "amount", "0"), Language.EN))).containsExactly("amount:too_small");
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "amount", "0.00"), Language.EN))).containsExactly("amount:too_small");
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "amount", "-5"), Language.EN))).containsExactly("amount:format");
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "amount", "10.005"), Language.EN))).containsExactly("amount:format");
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "amount", "a lot"), Language.EN))).containsExactly("amount:format");
        assertThat(validate(with(DOMESTIC, "amount", "0.01"), Language.EN)).isEmpty();
    }

    @Test
    void allows_up_to_50000_yuan_per_app_transfer() {
        assertThat(validate(with(DOMESTIC, "amount", "50,000"), Language.EN)).isEmpty();
        assertThat(validate(with(DOMESTIC, "amount", "¥50000.00"), Language.EN)).isEmpty();
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "amount", "50,000.01"), Language.EN))).containsExactly("amount:too_large");
        assertThat(fieldsAndCodes(validate(with(with(DOMESTIC, "amount", "80000"), "currency", null), Language.EN)))
                .containsExactly("amount:too_large");
    }

    @Test
    void explains_the_app_limits_and_the_ways_around_them() {
        Map<String, String> form = with(DOMESTIC, "amount", "120000");

        assertThat(validate(form, Language.EN).get(0).message())
                .contains("50,000 yuan per transfer", "200,000 yuan per day", "U-Key", "500,000", "branch");
        assertThat(validate(form, Language.ZH).get(0).message()).contains("50,000元", "200,000元", "U盾", "500,000元", "营业网点");
    }

    @Test
    void leaves_foreign_currency_amounts_to_the_executor_that_knows_the_rate() {
        assertThat(validate(with(CROSS_BORDER, "amount", "60000"), Language.EN)).isEmpty();
    }

    @Test
    void allows_no_decimals_in_yen() {
        Map<String, String> yen = with(CROSS_BORDER, "currency", "JPY");

        assertThat(validate(with(yen, "amount", "150000"), Language.EN)).isEmpty();
        assertThat(fieldsAndCodes(validate(with(yen, "amount", "1500.50"), Language.EN))).containsExactly("amount:format");
    }

    @Test
    void handles_six_currencies_and_rejects_unknown_codes() {
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "currency", "AUD"), Language.EN))).containsExactly("currency:not_allowed");
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "currency", "XYZ"), Language.EN))).containsExactly("currency:format");
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "currency", "dollars"), Language.EN))).containsExactly("currency:format");
        assertThat(validate(with(DOMESTIC, "currency", "cny"), Language.EN)).isEmpty();
        assertThat(validate(with(CROSS_BORDER, "currency", "HKD"), Language.EN)).isEmpty();
    }

    @Test
    void schedules_transfers_from_today_up_to_365_days_ahead() {
        assertThat(validate(with(DOMESTIC, "executionDate", TODAY.toString()), Language.EN)).isEmpty();
        assertThat(validate(with(DOMESTIC, "executionDate", TODAY.plusDays(365).toString()), Language.EN)).isEmpty();
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "executionDate", TODAY.minusDays(1).toString()), Language.EN)))
                .containsExactly("executionDate:past_date");
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "executionDate", TODAY.plusDays(366).toString()), Language.EN)))
                .containsExactly("executionDate:too_far");
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "executionDate", "2026/07/20"), Language.EN)))
                .containsExactly("executionDate:format");
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "executionDate", "2026-02-30"), Language.EN)))
                .containsExactly("executionDate:format");
    }

    @Test
    void limits_the_purpose_to_100_characters() {
        assertThat(validate(with(DOMESTIC, "purpose", "租".repeat(100)), Language.EN)).isEmpty();
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "purpose", "租".repeat(101)), Language.EN))).containsExactly("purpose:too_large");
    }

    @Test
    void rejects_a_transfer_to_the_paying_account_itself() {
        Map<String, String> form = with(DOMESTIC, "payeeAccount", "6217 0000 0000 0006");

        assertThat(fieldsAndCodes(validate(form, Language.EN))).containsExactly("payeeAccount:mismatch");
    }

    @Test
    void needs_a_foreign_currency_for_an_iban_payee() {
        assertThat(fieldsAndCodes(validate(with(CROSS_BORDER, "currency", "CNY"), Language.EN))).containsExactly("currency:mismatch");
        // Without a currency the transfer is in yuan, which is just as wrong.
        assertThat(fieldsAndCodes(validate(with(CROSS_BORDER, "currency", null), Language.EN))).containsExactly("currency:mismatch");
    }

    @Test
    void needs_a_valid_bic_for_an_iban_payee() {
        assertThat(fieldsAndCodes(validate(with(CROSS_BORDER, "bic", null), Language.EN))).containsExactly("bic:required");
        assertThat(fieldsAndCodes(validate(with(CROSS_BORDER, "bic", "DEUT"), Language.EN))).containsExactly("bic:format");
        assertThat(validate(with(CROSS_BORDER, "bic", "deutdeff500"), Language.EN)).isEmpty();
    }

    @Test
    void reports_all_problems_at_once_fields_first_then_cross_field_rules() {
        Map<String, String> form = Map.of(
                "fromAccount", CARD_16,
                "payeeName", "X",
                "payeeAccount", IBAN_GB,
                "amount", "12.345",
                "currency", "CNY",
                "executionDate", TODAY.minusDays(3).toString(),
                "purpose", "p".repeat(120));

        assertThat(fieldsAndCodes(validate(form, Language.EN))).containsExactly(
                "payeeName:too_small", "amount:format", "executionDate:past_date", "purpose:too_large",
                "currency:mismatch", "bic:required");
    }

    private static List<FieldError> validate(Map<String, String> form, Language language) {
        return FormValidator.validate(FormType.TRANSFER, form, language, TODAY);
    }
}
