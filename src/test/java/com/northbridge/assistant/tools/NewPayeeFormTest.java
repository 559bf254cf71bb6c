package com.northbridge.assistant.tools;

import static com.northbridge.assistant.tools.FormFixtures.CARD_19;
import static com.northbridge.assistant.tools.FormFixtures.IBAN_FR;
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

class NewPayeeFormTest {

    private static final Map<String, String> DOMESTIC = Map.of(
            "name", "王小明",
            "account", CARD_19,
            "bankName", "北桥银行上海分行",
            "mobile", "+86 139 1234 5678");

    private static final Map<String, String> ABROAD = Map.of(
            "name", "Claire Martin",
            "account", IBAN_FR,
            "bankName", "Banque Exemple",
            "bic", "BNPAFRPP");

    @ParameterizedTest
    @EnumSource(Language.class)
    void accepts_a_complete_domestic_payee(Language language) {
        assertThat(validate(DOMESTIC, language)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void accepts_a_complete_payee_abroad(Language language) {
        assertThat(validate(ABROAD, language)).isEmpty();
    }

    @Test
    void reports_every_missing_required_field_in_form_order() {
        assertThat(fieldsAndCodes(validate(Map.of(), Language.EN)))
                .containsExactly("name:required", "account:required", "bankName:required");
    }

    @Test
    void limits_names_to_their_lengths() {
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "name", "王"), Language.EN))).containsExactly("name:too_small");
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "name", "n".repeat(51)), Language.EN))).containsExactly("name:too_large");
        assertThat(validate(with(DOMESTIC, "bankName", "b".repeat(60)), Language.EN)).isEmpty();
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "bankName", "b".repeat(61)), Language.EN))).containsExactly("bankName:too_large");
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "bankName", "行"), Language.EN))).containsExactly("bankName:too_small");
    }

    @Test
    void checks_the_account_as_card_or_iban() {
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "account", "6222021234567890120"), Language.EN)))
                .containsExactly("account:checksum");
        assertThat(fieldsAndCodes(validate(with(ABROAD, "account", "FR1520041010050500013M02606"), Language.EN)))
                .containsExactly("account:checksum");
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "account", "account 12"), Language.EN))).containsExactly("account:format");
    }

    @Test
    void needs_a_bic_only_for_an_iban() {
        assertThat(fieldsAndCodes(validate(with(ABROAD, "bic", null), Language.EN))).containsExactly("bic:required");
        assertThat(fieldsAndCodes(validate(with(ABROAD, "bic", "BNP"), Language.EN))).containsExactly("bic:format");
        assertThat(validate(with(DOMESTIC, "bic", null), Language.EN)).isEmpty();
    }

    @Test
    void checks_an_optional_mobile_number() {
        assertThat(validate(with(DOMESTIC, "mobile", null), Language.EN)).isEmpty();
        assertThat(fieldsAndCodes(validate(with(DOMESTIC, "mobile", "12345"), Language.EN))).containsExactly("mobile:format");
    }

    @Test
    void reports_all_problems_at_once_in_form_order() {
        Map<String, String> form = Map.of("name", "Q", "account", "GB00NWBK60161331926819", "mobile", "555-1234");

        assertThat(fieldsAndCodes(validate(form, Language.ZH)))
                .containsExactly("name:too_small", "account:checksum", "bankName:required", "bic:required", "mobile:format");
    }

    private static List<FieldError> validate(Map<String, String> form, Language language) {
        return FormValidator.validate(FormType.NEW_PAYEE, form, language, TODAY);
    }
}
