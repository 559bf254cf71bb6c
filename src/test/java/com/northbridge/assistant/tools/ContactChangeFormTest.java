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

class ContactChangeFormTest {

    private static final String ID = residentIdBornOn(LocalDate.of(1985, 11, 2));

    private static final Map<String, String> CHANGE = Map.of(
            "residentId", ID,
            "currentMobile", "13800138000",
            "newMobile", "+86 139 1234 5678",
            "newEmail", "si.yuan@example.com",
            "newAddress", "上海市浦东新区示例路100号");

    @ParameterizedTest
    @EnumSource(Language.class)
    void accepts_a_complete_change(Language language) {
        assertThat(validate(CHANGE, language)).isEmpty();
    }

    @Test
    void accepts_a_change_of_only_one_contact_detail() {
        assertThat(validate(Map.of("residentId", ID, "newEmail", "a@example.cn"), Language.EN)).isEmpty();
        assertThat(validate(Map.of("residentId", ID, "newAddress", "1 Example Road, Hangzhou"), Language.EN)).isEmpty();
        assertThat(validate(Map.of("residentId", ID, "newMobile", "13912345678"), Language.EN)).isEmpty();
    }

    @Test
    void needs_the_resident_id_to_confirm_identity() {
        assertThat(fieldsAndCodes(validate(with(CHANGE, "residentId", null), Language.EN))).containsExactly("residentId:required");
        assertThat(fieldsAndCodes(validate(with(CHANGE, "residentId", withWrongCheck(ID)), Language.EN)))
                .containsExactly("residentId:checksum");
        assertThat(fieldsAndCodes(validate(with(CHANGE, "residentId", "not an id"), Language.EN))).containsExactly("residentId:format");
    }

    @Test
    void needs_at_least_one_new_contact_detail() {
        List<FieldError> errors = validate(Map.of("residentId", ID, "newEmail", " "), Language.EN);

        assertThat(fieldsAndCodes(errors)).containsExactly("newMobile:required");
        assertThat(errors.get(0).message()).contains("mobile number", "e-mail address", "address");
    }

    @Test
    void checks_the_new_mobile_number() {
        assertThat(fieldsAndCodes(validate(with(CHANGE, "newMobile", "139123"), Language.EN))).containsExactly("newMobile:format");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"plainaddress", "a@b", "a@@example.com", "a b@example.com", "@example.com", "a@example.",
            "a..b@example.com", "a@-example.com"})
    void rejects_malformed_email_addresses(String email) {
        assertThat(fieldsAndCodes(validate(with(CHANGE, "newEmail", email), Language.EN))).containsExactly("newEmail:format");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zhang.san@example.com", "zhang+bank@mail.example.com.cn", "Z_S-1@example-mail.org"})
    void accepts_ordinary_email_addresses(String email) {
        assertThat(validate(with(CHANGE, "newEmail", email), Language.EN)).isEmpty();
    }

    @Test
    void limits_the_address_to_5_to_200_characters() {
        assertThat(fieldsAndCodes(validate(with(CHANGE, "newAddress", "上海市"), Language.EN))).containsExactly("newAddress:too_small");
        assertThat(validate(with(CHANGE, "newAddress", "上海市浦东"), Language.EN)).isEmpty();
        assertThat(validate(with(CHANGE, "newAddress", "路".repeat(200)), Language.EN)).isEmpty();
        assertThat(fieldsAndCodes(validate(with(CHANGE, "newAddress", "路".repeat(201)), Language.EN))).containsExactly("newAddress:too_large");
    }

    @Test
    void rejects_a_new_mobile_number_equal_to_the_current_one_however_written() {
        Map<String, String> form = with(CHANGE, "newMobile", "+86 138-0013-8000");

        assertThat(fieldsAndCodes(validate(form, Language.EN))).containsExactly("newMobile:mismatch");
        assertThat(validate(with(form, "currentMobile", null), Language.EN)).isEmpty();
    }

    @Test
    void reports_all_problems_at_once_in_form_order() {
        Map<String, String> form = Map.of("newMobile", "123", "newEmail", "nobody", "newAddress", "x");

        assertThat(fieldsAndCodes(validate(form, Language.ZH)))
                .containsExactly("residentId:required", "newMobile:format", "newEmail:format", "newAddress:too_small");
    }

    private static List<FieldError> validate(Map<String, String> form, Language language) {
        return FormValidator.validate(FormType.CONTACT_CHANGE, form, language, TODAY);
    }
}
