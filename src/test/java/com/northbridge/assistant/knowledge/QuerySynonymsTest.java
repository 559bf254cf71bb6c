package com.northbridge.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QuerySynonymsTest {

    private static final QuerySynonyms LIST = QuerySynonyms.parse("""
            # comment lines and blank lines are skipped

            go bust, bank fails => deposit insurance
            text code, txt code => SMS, one-time code
            card => debit card
            倒闭, 破产 => 存款保险
            """, "test");

    @Test
    void a_customer_phrase_brings_in_the_document_terms() {
        assertThat(LIST.expansions("what if my bank fails tomorrow")).containsExactly("deposit insurance");
        assertThat(LIST.expansions("万一银行倒闭了能赔多少")).containsExactly("存款保险");
    }

    @Test
    void english_phrases_match_whole_words_only_and_ignore_case() {
        assertThat(LIST.expansions("My CARD was eaten")).containsExactly("debit card");
        assertThat(LIST.expansions("is a cardigan covered")).isEmpty();
        assertThat(LIST.expansions("the banks failed")).as("a phrase is matched as written, not stemmed").isEmpty();
    }

    @Test
    void several_rules_add_their_terms_once_each_in_rule_order() {
        assertThat(LIST.expansions("txt code and text code for my card"))
                .containsExactly("sms", "one-time code", "debit card");
    }

    @Test
    void the_document_term_does_not_expand_into_the_customer_word() {
        assertThat(LIST.expansions("how does deposit insurance work")).isEmpty();
    }

    @Test
    void a_malformed_rule_names_its_line() {
        assertThatThrownBy(() -> QuerySynonyms.parse("a => b\nno arrow here\n", "list.txt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("list.txt line 2");
        assertThatThrownBy(() -> QuerySynonyms.parse("a => b => c\n", "list.txt"))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> QuerySynonyms.parse("a, , => \n", "list.txt"))
                .hasMessageContaining("both sides");
    }

    @Test
    void the_bundled_list_loads() {
        assertThat(QuerySynonyms.bundled().size()).isGreaterThan(50);
    }
}
