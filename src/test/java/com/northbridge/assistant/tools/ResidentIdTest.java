package com.northbridge.assistant.tools;

import static com.northbridge.assistant.tools.FormFixtures.TODAY;
import static com.northbridge.assistant.tools.FormFixtures.residentId;
import static com.northbridge.assistant.tools.FormFixtures.residentIdBornOn;
import static com.northbridge.assistant.tools.FormFixtures.withWrongCheck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ResidentIdTest {

    @Test
    void computes_the_mod_11_2_check_character_of_the_standard_example() {
        // The worked example of GB 11643-1999: 11010519491231002 has check character X.
        assertThat(ResidentId.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(ResidentId.valid("11010519491231002X", TODAY)).isTrue();
    }

    @Test
    void accepts_a_generated_id_and_reads_its_birth_date() {
        String id = residentIdBornOn(LocalDate.of(1990, 3, 15));

        assertThat(ResidentId.valid(id, TODAY)).isTrue();
        assertThat(ResidentId.valid(id)).isTrue();
        assertThat(ResidentId.birthDate(id, TODAY)).contains(LocalDate.of(1990, 3, 15));
        assertThat(ResidentId.birthDate(id)).contains(LocalDate.of(1990, 3, 15));
    }

    @Test
    void accepts_an_x_check_character_in_either_case() {
        String id = IntStream.range(0, 1000)
                .mapToObj(sequence -> residentId(LocalDate.of(1988, 8, 8), sequence))
                .filter(candidate -> candidate.endsWith("X"))
                .findFirst().orElseThrow();

        assertThat(ResidentId.valid(id, TODAY)).isTrue();
        assertThat(ResidentId.valid(id.toLowerCase(), TODAY)).isTrue();
        assertThat(ResidentId.valid(id.substring(0, 17) + "0", TODAY)).isFalse();
    }

    @Test
    void rejects_a_wrong_check_character_but_calls_the_rest_well_formed() {
        String id = withWrongCheck(residentIdBornOn(LocalDate.of(1990, 3, 15)));

        assertThat(ResidentId.valid(id, TODAY)).isFalse();
        assertThat(ResidentId.wellFormed(id, TODAY)).isTrue();
        assertThat(ResidentId.birthDate(id, TODAY)).isEmpty();
    }

    @Test
    void accepts_29_february_only_in_leap_years() {
        assertThat(ResidentId.valid(residentIdBornOn(LocalDate.of(2000, 2, 29)), TODAY)).isTrue();
        assertThat(ResidentId.valid(residentIdBornOn(LocalDate.of(1996, 2, 29)), TODAY)).isTrue();

        assertThat(ResidentId.valid(withCheck("11010120010229123"), TODAY)).isFalse();
        // 1900 is divisible by 100 but not by 400, so it had no 29 February.
        assertThat(ResidentId.valid(withCheck("11010119000229123"), TODAY)).isFalse();
    }

    @Test
    void rejects_impossible_dates() {
        assertThat(ResidentId.valid(withCheck("11010119901301123"), TODAY)).isFalse();
        assertThat(ResidentId.valid(withCheck("11010119900431123"), TODAY)).isFalse();
        assertThat(ResidentId.valid(withCheck("11010119900000123"), TODAY)).isFalse();
    }

    @Test
    void rejects_birth_dates_before_1900_or_after_today() {
        assertThat(ResidentId.valid(withCheck("11010118991231123"), TODAY)).isFalse();
        assertThat(ResidentId.valid(residentIdBornOn(LocalDate.of(1900, 1, 1)), TODAY)).isTrue();
        assertThat(ResidentId.valid(residentIdBornOn(TODAY), TODAY)).isTrue();
        assertThat(ResidentId.valid(residentIdBornOn(TODAY.plusDays(1)), TODAY)).isFalse();
    }

    @Test
    void rejects_area_codes_starting_with_0_or_9() {
        assertThat(ResidentId.valid(withCheck("01010119900315123"), TODAY)).isFalse();
        assertThat(ResidentId.valid(withCheck("91010119900315123"), TODAY)).isFalse();
        assertThat(ResidentId.valid(withCheck("81010119900315123"), TODAY)).isTrue();
    }

    @Test
    void rejects_wrong_lengths_and_characters() {
        String id = residentIdBornOn(LocalDate.of(1990, 3, 15));

        assertThat(ResidentId.valid(id.substring(0, 17), TODAY)).isFalse();
        assertThat(ResidentId.valid(id + "1", TODAY)).isFalse();
        assertThat(ResidentId.valid("11010119900315A23" + id.charAt(17), TODAY)).isFalse();
        assertThat(ResidentId.valid("", TODAY)).isFalse();
        assertThat(ResidentId.valid(null, TODAY)).isFalse();
        // The old 15-digit IDs were replaced long ago; the bank takes only the 18-character form.
        assertThat(ResidentId.valid("110101900315123", TODAY)).isFalse();
    }

    @Test
    void ignores_surrounding_whitespace() {
        String id = residentIdBornOn(LocalDate.of(1990, 3, 15));

        assertThat(ResidentId.valid("  " + id + " ", TODAY)).isTrue();
    }

    @Test
    void refuses_to_compute_a_check_character_from_anything_but_17_digits() {
        assertThatThrownBy(() -> ResidentId.checkCharacter("1101011990031512")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResidentId.checkCharacter("1101011990031512X")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResidentId.checkCharacter(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String withCheck(String first17) {
        return first17 + ResidentId.checkCharacter(first17);
    }
}
