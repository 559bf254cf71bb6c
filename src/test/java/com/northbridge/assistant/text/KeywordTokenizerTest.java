package com.northbridge.assistant.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeywordTokenizerTest {

    @Test
    void cuts_chinese_into_overlapping_bigrams() {
        assertThat(KeywordTokenizer.terms("转账限额")).containsExactly("转账", "账限", "限额");
    }

    @Test
    void years_written_short_meet_the_documents_years() {
        assertThat(KeywordTokenizer.terms("a 3yr deposit")).containsExactlyElementsOf(KeywordTokenizer.terms("a 3 year deposit"));
    }

    @Test
    void lowercases_and_stems_english_and_drops_question_words() {
        assertThat(KeywordTokenizer.terms("How can I add new Payees?")).containsExactly("add", "new", "payee");
        // KStem, not Porter: "added" and "add" meet ("ad" and "add" would not).
        assertThat(KeywordTokenizer.terms("I just added a payee")).containsExactly("add", "payee");
    }

    @Test
    void joins_thousands_so_amounts_meet() {
        assertThat(KeywordTokenizer.terms("50,000 yuan")).contains("50000");
        assertThat(KeywordTokenizer.terms("50000元")).contains("50000");
        assertThat(KeywordTokenizer.terms("50k")).containsExactly("50000");
        assertThat(KeywordTokenizer.terms("每天最多5万元")).contains("50000");
        assertThat(KeywordTokenizer.terms("1.5万")).containsExactly("15000");
    }

    @Test
    void handles_mixed_text_and_full_width_characters() {
        assertThat(KeywordTokenizer.terms("手机银行App转账")).contains("手机", "机银", "银行", "app", "转账");
        assertThat(KeywordTokenizer.terms("ＡＴＭ取款")).contains("atm", "取款");
    }

    @Test
    void drops_chinese_function_bigrams() {
        assertThat(KeywordTokenizer.terms("请问我的转账怎么撤回")).doesNotContain("请问", "我的", "怎么").contains("转账", "撤回");
    }

    @Test
    void drops_bigrams_glued_by_particles_and_pronouns() {
        assertThat(KeywordTokenizer.terms("转错账了能撤回吗")).containsExactly("转错", "错账", "能撤", "撤回");
        assertThat(KeywordTokenizer.terms("您可以办理")).doesNotContain("您可").contains("办理");
    }

    @Test
    void empty_text_has_no_terms() {
        assertThat(KeywordTokenizer.terms("   ")).isEmpty();
        assertThat(KeywordTokenizer.terms(null)).isEmpty();
    }
}
