package com.northbridge.assistant.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void chinese_with_latin_product_names_is_chinese() {
        assertThat(Language.detect("我想用手机银行App给U-Key设置限额")).isEqualTo(Language.ZH);
    }

    @Test
    void english_with_a_chinese_name_is_english() {
        assertThat(Language.detect("Please send 500 yuan to my friend 李雷 tomorrow morning")).isEqualTo(Language.EN);
    }

    @Test
    void text_without_letters_counts_as_english() {
        assertThat(Language.detect("12345 !!!")).isEqualTo(Language.EN);
    }

    @Test
    void codes_are_read_leniently() {
        assertThat(Language.fromCode("zh-CN")).contains(Language.ZH);
        assertThat(Language.fromCode("EN")).contains(Language.EN);
        assertThat(Language.fromCode("fr")).isEmpty();
    }
}
