package com.northbridge.assistant.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import com.northbridge.assistant.text.Language;
import com.northbridge.assistant.tools.FormType;
import com.northbridge.assistant.tools.FormValidator;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** Whatever text arrives, the pure guards and validators answer and never throw. */
class GuardProperties {

    @Property(tries = 300)
    void masking_then_unmasking_gives_the_text_back(@ForAll @StringLength(max = 300) String text) {
        PiiShield shield = new PiiShield();
        assertThat(shield.unmask(shield.mask(text))).isEqualTo(text);
    }

    @Property(tries = 300)
    void a_masked_text_contains_no_mobile_number(@ForAll("digits") String digits) {
        String text = "call me on 13" + digits.substring(0, 9) + " please";
        assertThat(new PiiShield().mask(text)).doesNotContainPattern("1[3-9]\\d{9}");
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> digits() {
        return net.jqwik.api.Arbitraries.strings().numeric().ofLength(12);
    }

    @Property(tries = 300)
    void the_answer_check_never_throws(@ForAll @StringLength(max = 300) String answer, @ForAll @StringLength(max = 200) String passage) {
        assertThat(AnswerCheck.ungroundedNumbers(answer, java.util.List.of(passage), "")).isNotNull();
        AnswerCheck.leaksPrompt(answer, passage);
        assertThat(AnswerCheck.accessClaims(answer, java.util.List.of(passage))).isNotNull();
    }

    @Property(tries = 200)
    void form_validation_answers_any_field_values(@ForAll FormType form, @ForAll @StringLength(max = 40) String value, @ForAll Language language) {
        Map<String, String> fields = Map.of("amount", value, "residentId", value, "mobile", value, "payeeAccount", value, "account", value,
                "newMobile", value, "termMonths", value, "executionDate", value, "currency", value, "name", value);
        assertThat(FormValidator.validate(form, fields, language, LocalDate.of(2026, 11, 23))).allSatisfy(e -> {
            assertThat(e.field()).isNotBlank();
            assertThat(e.message()).isNotBlank();
        });
    }
}
