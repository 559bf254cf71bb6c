package com.northbridge.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.northbridge.assistant.text.Language;

class StructuredChunkerTest {

    private static ParsedDocument doc(String title, Block... blocks) {
        return new ParsedDocument("text/plain", title, Language.ZH, Optional.empty(), Optional.empty(), List.of(blocks));
    }

    @Test
    void every_article_is_its_own_chunk_with_its_label_and_chapter() {
        ParsedDocument doc = doc("反洗钱管理规定",
                Block.heading(1, "反洗钱管理规定"),
                Block.heading(2, "第二章 客户尽职调查"),
                Block.paragraph("第十一条 本行对客户开展尽职调查。"),
                Block.paragraph("（一）核实身份；"),
                Block.paragraph("（二）了解资金来源。"),
                Block.paragraph("第十二条 客户拒绝配合的，本行可以拒绝交易。"));

        List<Chunk> chunks = new StructuredChunker(380).chunk(doc);

        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0).article()).isEqualTo("第十一条");
        assertThat(chunks.get(0).text()).contains("（一）核实身份；").contains("（二）了解资金来源。");
        assertThat(chunks.get(1).article()).isEqualTo("第十二条");
        assertThat(chunks.get(1).headingPath()).containsExactly("第二章 客户尽职调查");
        assertThat(chunks.get(1).citationLabel("反洗钱管理规定")).isEqualTo("反洗钱管理规定 第十二条");
    }

    @Test
    void a_chunk_never_crosses_a_heading_and_keeps_the_heading_path() {
        ParsedDocument doc = doc("Transfer Limits",
                Block.heading(1, "Transfer Limits"),
                Block.paragraph("Version: 1.0"),
                Block.heading(2, "3. Mobile app"),
                Block.paragraph("Up to 50,000 per transfer."),
                Block.heading(3, "3.2 New payees"),
                Block.paragraph("5,000 in the first 24 hours."),
                Block.heading(2, "4. Counter"),
                Block.paragraph("No channel limit."));

        List<Chunk> chunks = new StructuredChunker(380).chunk(doc);

        assertThat(chunks).extracting(Chunk::headingPath).containsExactly(
                List.of("3. Mobile app"), List.of("3. Mobile app", "3.2 New payees"), List.of("4. Counter"));
        assertThat(chunks.get(1).citationLabel("Transfer Limits")).isEqualTo("Transfer Limits § 3.2 New payees");
        assertThat(chunks).noneMatch(c -> c.text().contains("Version"));
    }

    @Test
    void paragraphs_of_one_section_are_packed_up_to_the_limit() {
        String sentence = "This paragraph has exactly ten words in it, roughly. ";
        ParsedDocument doc = doc("T", Block.heading(2, "1. Section"),
                Block.paragraph(sentence.repeat(3)), Block.paragraph(sentence.repeat(3)), Block.paragraph(sentence.repeat(3)));

        List<Chunk> chunks = new StructuredChunker(100).chunk(doc);

        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0).part()).isZero();
        assertThat(chunks.get(1).part()).isEqualTo(1);
        assertThat(chunks).allMatch(c -> StructuredChunker.estimateTokens(c.text()) <= 100);
    }

    @Test
    void an_article_longer_than_the_limit_is_split_at_sentence_ends_and_keeps_its_label() {
        String longArticle = "Article 7 " + "The bank keeps records of every transaction for five years. ".repeat(30);
        ParsedDocument doc = doc("AML Rules", Block.heading(2, "Chapter 3 Records"), Block.paragraph(longArticle));

        List<Chunk> chunks = new StructuredChunker(120).chunk(doc);

        assertThat(chunks.size()).isGreaterThan(1);
        assertThat(chunks).allMatch(c -> "Article 7".equals(c.article()));
        assertThat(chunks).allMatch(c -> c.text().strip().endsWith("years."));
        assertThat(chunks).extracting(Chunk::part).startsWith(0, 1);
    }

    @Test
    void an_article_that_fits_is_never_cut() {
        String article = "第五条 " + "本行按照规定保存客户身份资料和交易记录。".repeat(12);
        ParsedDocument doc = doc("规定", Block.heading(2, "第一章 总则"), Block.paragraph(article),
                Block.paragraph("第六条 短条文。"));

        List<Chunk> chunks = new StructuredChunker(380).chunk(doc);

        assertThat(chunks).extracting(Chunk::text).containsExactly(article, "第六条 短条文。");
    }

    @Test
    void estimates_tokens_for_chinese_and_english() {
        assertThat(StructuredChunker.estimateTokens("转账限额")).isEqualTo(4);
        assertThat(StructuredChunker.estimateTokens("ten words")).isEqualTo(3);
    }
}
