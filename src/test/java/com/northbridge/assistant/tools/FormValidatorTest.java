package com.northbridge.assistant.tools;

import static com.northbridge.assistant.tools.FormFixtures.CARD_16;
import static com.northbridge.assistant.tools.FormFixtures.TODAY;
import static com.northbridge.assistant.tools.FormFixtures.containsHan;
import static com.northbridge.assistant.tools.FormFixtures.residentIdBornOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.northbridge.assistant.text.Language;

/** Rules shared by all forms: language of the messages, how fields are named, what counts as missing. */
class FormValidatorTest {

    /** Forms that break as many rules as possible, so that most messages get looked at. */
    static Stream<Arguments> brokenForms() {
        return Stream.of(
                Arguments.of(FormType.TRANSFER, Map.of()),
                Arguments.of(FormType.TRANSFER, Map.of("fromAccount", "6217000000000007", "payeeName", "a".repeat(51),
                        "payeeAccount", "GB00NWBK60161331926819", "amount", "99999", "currency", "AUD",
                        "executionDate", "tomorrow", "purpose", "p".repeat(101), "bic", "B")),
                Arguments.of(FormType.TRANSFER, Map.of("fromAccount", CARD_16, "payeeName", "X", "payeeAccount", CARD_16,
                        "amount", "60000", "executionDate", TODAY.plusYears(2).toString())),
                Arguments.of(FormType.TRANSFER, Map.of("fromAccount", "1", "payeeName", "Anna", "payeeAccount", "DE1",
                        "amount", "0", "currency", "XYZ", "executionDate", TODAY.minusDays(1).toString())),
                Arguments.of(FormType.NEW_PAYEE, Map.of()),
                Arguments.of(FormType.NEW_PAYEE, Map.of("name", "Q", "account", "12", "bankName", "b".repeat(61),
                        "bic", "12345678", "mobile", "1")),
                Arguments.of(FormType.LOAN_APPLICATION, Map.of()),
                Arguments.of(FormType.LOAN_APPLICATION, Map.of("fullName", "Li", "residentId", residentIdBornOn(TODAY.minusYears(70)),
                        "mobile", "abc", "amount", "999999", "termMonths", "99", "purpose", "买股票",
                        "monthlyIncome", "0", "incomeMonths", "x")),
                Arguments.of(FormType.LOAN_APPLICATION, Map.of("residentId", "11010119900315123Y", "amount", "x",
                        "termMonths", "1", "monthlyIncome", "x", "incomeMonths", "1")),
                Arguments.of(FormType.CONTACT_CHANGE, Map.of()),
                Arguments.of(FormType.CONTACT_CHANGE, Map.of("residentId", "1", "newMobile", "13800138000",
                        "currentMobile", "13800138000", "newEmail", "@", "newAddress", "a".repeat(201))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("brokenForms")
    void writes_chinese_messages_for_chinese_customers(FormType type, Map<String, String> form) {
        List<FieldError> errors = FormValidator.validate(type, form, Language.ZH, TODAY);

        assertThat(errors).isNotEmpty().allSatisfy(error -> assertThat(containsHan(error.message())).as(error.message()).isTrue());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("brokenForms")
    void writes_english_messages_for_english_customers(FormType type, Map<String, String> form) {
        List<FieldError> errors = FormValidator.validate(type, form, Language.EN, TODAY);

        assertThat(errors).isNotEmpty().allSatisfy(error -> {
            assertThat(containsHan(error.message())).as(error.message()).isFalse();
            assertThat(error.message()).as(error.message()).matches("^[A-Z].*[.]$");
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("brokenForms")
    void reports_the_same_errors_in_both_languages(FormType type, Map<String, String> form) {
        List<String> zh = FormValidator.validate(type, form, Language.ZH, TODAY).stream().map(e -> e.field() + ":" + e.code()).toList();
        List<String> en = FormValidator.validate(type, form, Language.EN, TODAY).stream().map(e -> e.field() + ":" + e.code()).toList();

        assertThat(zh).isEqualTo(en);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("brokenForms")
    void names_fields_in_words_never_by_their_keys(FormType type, Map<String, String> form) {
        for (Language language : Language.values()) {
            assertThat(FormValidator.validate(type, form, language, TODAY)).allSatisfy(error -> {
                if (!error.field().equals(error.field().toLowerCase())) {
                    assertThat(error.message()).doesNotContain(error.field());
                }
            });
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("brokenForms")
    void uses_only_the_documented_error_codes(FormType type, Map<String, String> form) {
        assertThat(FormValidator.validate(type, form, Language.EN, TODAY)).extracting(FieldError::code)
                .isSubsetOf("required", "format", "checksum", "too_small", "too_large", "not_allowed", "mismatch",
                        "past_date", "too_far");
    }

    @Test
    void asks_for_a_missing_field_by_its_name() {
        List<FieldError> zh = FormValidator.validate(FormType.NEW_PAYEE, Map.of(), Language.ZH, TODAY);
        List<FieldError> en = FormValidator.validate(FormType.NEW_PAYEE, Map.of(), Language.EN, TODAY);

        assertThat(zh).extracting(FieldError::message).containsExactly("请填写收款人姓名。", "请填写收款账号。", "请填写开户银行名称。");
        assertThat(en).extracting(FieldError::message)
                .containsExactly("Please enter the payee name.", "Please enter the payee account number.",
                        "Please enter the name of the payee's bank.");
    }

    @Test
    void treats_null_values_and_a_null_map_as_missing() {
        Map<String, String> form = new HashMap<>();
        form.put("fromAccount", null);

        assertThat(FormValidator.validate(FormType.TRANSFER, form, Language.EN, TODAY)).extracting(FieldError::field)
                .containsExactly("fromAccount", "payeeName", "payeeAccount", "amount");
        assertThat(FormValidator.validate(FormType.TRANSFER, null, Language.EN, TODAY)).hasSize(4);
    }

    @Test
    void trims_values_before_checking_them() {
        Map<String, String> form = Map.of("fromAccount", " " + CARD_16 + " ", "payeeName", "  张三  ",
                "payeeAccount", " 6222021234567890128", "amount", " 100 ");

        assertThat(FormValidator.validate(FormType.TRANSFER, form, Language.EN, TODAY)).isEmpty();
    }

    @Test
    void returns_a_list_the_caller_cannot_change() {
        List<FieldError> errors = FormValidator.validate(FormType.TRANSFER, Map.of(), Language.EN, TODAY);

        assertThatThrownBy(errors::clear).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void gives_the_same_answer_every_time() {
        Map<String, String> form = Map.of("payeeName", "X", "amount", "abc", "currency", "AUD", "purpose", "p".repeat(101));

        assertThat(FormValidator.validate(FormType.TRANSFER, form, Language.EN, TODAY))
                .isEqualTo(FormValidator.validate(FormType.TRANSFER, form, Language.EN, TODAY));
    }

    @Test
    void judges_dates_against_the_day_it_is_given() {
        Map<String, String> form = Map.of("fromAccount", CARD_16, "payeeName", "张三", "payeeAccount", "6222021234567890128",
                "amount", "100", "executionDate", "2026-07-20");

        assertThat(FormValidator.validate(FormType.TRANSFER, form, Language.EN, LocalDate.of(2026, 7, 20))).isEmpty();
        assertThat(FormValidator.validate(FormType.TRANSFER, form, Language.EN, LocalDate.of(2026, 7, 21)))
                .extracting(FieldError::code).containsExactly("past_date");
    }
}
