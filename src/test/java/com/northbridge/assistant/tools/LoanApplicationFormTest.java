package com.northbridge.assistant.tools;

import static com.northbridge.assistant.tools.FormFixtures.TODAY;
import static com.northbridge.assistant.tools.FormFixtures.fieldsAndCodes;
import static com.northbridge.assistant.tools.FormFixtures.residentIdBornOn;
import static com.northbridge.assistant.tools.FormFixtures.with;
import static com.northbridge.assistant.tools.FormFixtures.withWrongCheck;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.northbridge.assistant.text.Language;

class LoanApplicationFormTest {

    private static final Map<String, String> APPLICATION = Map.of(
            "fullName", "陈思远",
            "residentId", residentIdBornOn(LocalDate.of(1990, 3, 15)),
            "mobile", "13800138000",
            "amount", "80,000",
            "termMonths", "24",
            "purpose", "房屋装修",
            "monthlyIncome", "12000",
            "incomeMonths", "12");

    @ParameterizedTest
    @EnumSource(Language.class)
    void accepts_a_complete_application(Language language) {
        assertThat(validate(APPLICATION, language)).isEmpty();
    }

    @Test
    void reports_every_missing_required_field_in_form_order() {
        assertThat(fieldsAndCodes(validate(Map.of(), Language.EN))).containsExactly(
                "fullName:required", "residentId:required", "mobile:required", "amount:required", "termMonths:required",
                "purpose:required", "monthlyIncome:required", "incomeMonths:required");
    }

    @Test
    void checks_the_resident_id() {
        String id = APPLICATION.get("residentId");

        assertThat(fieldsAndCodes(validate(with(APPLICATION, "residentId", withWrongCheck(id)), Language.EN)))
                .containsExactly("residentId:checksum");
        assertThat(fieldsAndCodes(validate(with(APPLICATION, "residentId", id.substring(0, 15)), Language.EN)))
                .containsExactly("residentId:format");
    }

    @Test
    void checks_the_mobile_number() {
        assertThat(validate(with(APPLICATION, "mobile", "+86 138 0013 8000"), Language.EN)).isEmpty();
        assertThat(fieldsAndCodes(validate(with(APPLICATION, "mobile", "12800138000"), Language.EN))).containsExactly("mobile:format");
    }

    @Test
    void lends_from_1000_to_300000_yuan() {
        assertThat(validate(with(APPLICATION, "amount", "1000"), Language.EN)).isEmpty();
        assertThat(validate(with(APPLICATION, "amount", "300,000"), Language.EN)).isEmpty();
        assertThat(fieldsAndCodes(validate(with(APPLICATION, "amount", "999.99"), Language.EN))).containsExactly("amount:too_small");
        assertThat(fieldsAndCodes(validate(with(APPLICATION, "amount", "300000.01"), Language.EN))).containsExactly("amount:too_large");
        assertThat(fieldsAndCodes(validate(with(APPLICATION, "amount", "十万"), Language.EN))).containsExactly("amount:format");
    }

    @Test
    void lends_for_6_to_60_whole_months() {
        assertThat(validate(with(APPLICATION, "termMonths", "6"), Language.EN)).isEmpty();
        assertThat(validate(with(APPLICATION, "termMonths", "60"), Language.EN)).isEmpty();
        assertThat(fieldsAndCodes(validate(with(APPLICATION, "termMonths", "5"), Language.EN))).containsExactly("termMonths:too_small");
        assertThat(fieldsAndCodes(validate(with(APPLICATION, "termMonths", "61"), Language.EN))).containsExactly("termMonths:too_large");
        assertThat(fieldsAndCodes(validate(with(APPLICATION, "termMonths", "12.5"), Language.EN))).containsExactly("termMonths:format");
        assertThat(fieldsAndCodes(validate(with(APPLICATION, "termMonths", "two years"), Language.EN))).containsExactly("termMonths:format");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"买房", "购房首付", "购买房产", "买一套二手房", "炒股", "买股票", "购买基金", "买理财产品",
            "buy a house", "buying an apartment in Shanghai", "down payment on a flat", "property", "real estate",
            "invest in stocks", "buy shares", "buying mutual funds", "invest in funds", "wealth management products"})
    void refuses_property_and_investment_purposes(String purpose) {
        assertThat(fieldsAndCodes(validate(with(APPLICATION, "purpose", purpose), Language.EN))).containsExactly("purpose:not_allowed");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"房屋装修", "购买家电家具", "婚礼", "旅游", "home renovation", "buy home appliances", "wedding",
            "furniture for my new home", "medical bills", "car repair"})
    void accepts_consumer_purposes_even_when_they_mention_a_home(String purpose) {
        assertThat(validate(with(APPLICATION, "purpose", purpose), Language.EN)).isEmpty();
    }

    @Test
    void explains_which_purposes_are_excluded() {
        Map<String, String> form = with(APPLICATION, "purpose", "炒股");

        assertThat(validate(form, Language.ZH).get(0).message()).contains("房产", "股票", "基金", "理财");
        assertThat(validate(form, Language.EN).get(0).message()).contains("property", "stocks", "funds", "wealth products");
    }

    @Test
    void needs_a_positive_monthly_income() {
        assertThat(fieldsAndCodes(validate(with(APPLICATION, "monthlyIncome", "0"), Language.EN))).containsExactly("monthlyIncome:too_small");
        assertThat(fieldsAndCodes(validate(with(APPLICATION, "monthlyIncome", "plenty"), Language.EN)))
                .containsExactly("monthlyIncome:format");
        assertThat(validate(with(APPLICATION, "monthlyIncome", "¥8,500.50"), Language.EN)).isEmpty();
    }

    @Test
    void needs_at_least_6_months_of_income_records() {
        assertThat(validate(with(APPLICATION, "incomeMonths", "6"), Language.EN)).isEmpty();
        assertThat(fieldsAndCodes(validate(with(APPLICATION, "incomeMonths", "5"), Language.EN))).containsExactly("incomeMonths:too_small");
        assertThat(fieldsAndCodes(validate(with(APPLICATION, "incomeMonths", "half a year"), Language.EN)))
                .containsExactly("incomeMonths:format");
    }

    @Test
    void lends_to_applicants_aged_22_to_60_on_the_day() {
        assertThat(validate(withBirth(TODAY.minusYears(22)), Language.EN)).isEmpty();
        assertThat(validate(withBirth(TODAY.minusYears(61).plusDays(1)), Language.EN)).isEmpty();

        assertThat(fieldsAndCodes(validate(withBirth(TODAY.minusYears(22).plusDays(1)), Language.EN)))
                .containsExactly("residentId:not_allowed");
        assertThat(fieldsAndCodes(validate(withBirth(TODAY.minusYears(61)), Language.EN))).containsExactly("residentId:not_allowed");
    }

    @Test
    void counts_a_29_february_birthday_as_passed_on_1_march() {
        LocalDate birth = LocalDate.of(2004, 2, 29);
        Map<String, String> form = with(APPLICATION, "residentId", residentIdBornOn(birth));

        assertThat(FormValidator.validate(FormType.LOAN_APPLICATION, form, Language.EN, LocalDate.of(2026, 2, 28)))
                .extracting(FieldError::code).containsExactly("not_allowed");
        assertThat(FormValidator.validate(FormType.LOAN_APPLICATION, form, Language.EN, LocalDate.of(2026, 3, 1))).isEmpty();
    }

    @Test
    void reports_all_problems_at_once_with_the_age_rule_last() {
        Map<String, String> form = with(with(with(with(APPLICATION,
                "residentId", residentIdBornOn(TODAY.minusYears(18))),
                "amount", "500"),
                "purpose", "buy stocks"),
                "incomeMonths", "3");

        assertThat(fieldsAndCodes(validate(form, Language.ZH)))
                .containsExactly("amount:too_small", "purpose:not_allowed", "incomeMonths:too_small", "residentId:not_allowed");
    }

    private static Map<String, String> withBirth(LocalDate birth) {
        return with(APPLICATION, "residentId", residentIdBornOn(birth));
    }

    private static List<FieldError> validate(Map<String, String> form, Language language) {
        return FormValidator.validate(FormType.LOAN_APPLICATION, form, language, TODAY);
    }
}
