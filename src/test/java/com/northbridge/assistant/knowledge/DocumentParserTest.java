package com.northbridge.assistant.knowledge;

import static com.northbridge.assistant.knowledge.DocumentFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;

import com.northbridge.assistant.knowledge.DocumentRejected.Reason;
import com.northbridge.assistant.text.Language;

class DocumentParserTest {

    static final String RULES_MD = """
            # Fee Rules
            Version: 2.1
            Effective date: 2026-07-01

            ## Chapter 1 General
            Article 1 These rules set the fees for transfers.
            Article 2 A counter transfer costs 0.5% of the amount, at least 2 yuan.

            ## Chapter 2 Waivers
            Article 3 Transfers in the app are free.
            """;

    private final DocumentParser parser = new DocumentParser(new DocumentParser.Limits(20_000_000, 200_000, 100, 100));

    @Test
    void reads_markdown_headings_articles_version_and_effective_date() throws Exception {
        ParsedDocument doc = parser.parse(utf8(RULES_MD), "fallback");

        assertThat(doc.mediaType()).isEqualTo("text/plain");
        assertThat(doc.title()).isEqualTo("Fee Rules");
        assertThat(doc.language()).isEqualTo(Language.EN);
        assertThat(doc.version()).contains("2.1");
        assertThat(doc.effectiveDate()).contains(LocalDate.of(2026, 7, 1));
        assertThat(doc.blocks()).contains(Block.heading(2, "Chapter 1 General"), Block.heading(2, "Chapter 2 Waivers"),
                Block.paragraph("Article 2 A counter transfer costs 0.5% of the amount, at least 2 yuan."));
    }

    @Test
    void reads_html_headings_paragraphs_and_table_rows() throws Exception {
        String html = """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>收费标准</title></head><body>
                <h1>收费标准</h1><p>版本：3.0</p><p>生效日期：2026年7月1日</p>
                <h2>1. 转账</h2><p>手机银行转账免费。</p>
                <table><tr><th>项目</th><th>费用</th></tr><tr><td>柜台跨行转账</td><td>0.5%，最低2元</td></tr></table>
                </body></html>""";
        ParsedDocument doc = parser.parse(utf8(html), "fallback");

        assertThat(doc.mediaType()).isEqualTo("text/html");
        assertThat(doc.title()).isEqualTo("收费标准");
        assertThat(doc.language()).isEqualTo(Language.ZH);
        assertThat(doc.version()).contains("3.0");
        assertThat(doc.effectiveDate()).contains(LocalDate.of(2026, 7, 1));
        assertThat(doc.blocks()).contains(Block.heading(2, "1. 转账"), Block.paragraph("柜台跨行转账 | 0.5%，最低2元"));
    }

    @Test
    void reads_docx_heading_styles() throws Exception {
        ParsedDocument doc = parser.parse(DocumentFiles.docx(RULES_MD), "fallback");

        assertThat(doc.mediaType()).isEqualTo(DocumentParser.DOCX);
        assertThat(doc.title()).isEqualTo("Fee Rules");
        assertThat(doc.blocks()).contains(Block.heading(2, "Chapter 2 Waivers"), Block.paragraph("Article 3 Transfers in the app are free."));
    }

    @Test
    void reads_pdf_and_recovers_numbered_headings_and_title() throws Exception {
        String md = """
                # Transfer Limits
                Version: 1.0

                ## 1. Daily limits
                You can send up to 200,000 yuan a day in the app.

                ### 1.2 New payees
                For 24 hours after you add a payee, transfers to that payee are capped at 5,000 yuan in total.
                """;
        ParsedDocument doc = parser.parse(DocumentFiles.pdf(md, Optional.empty()), "fallback");

        assertThat(doc.mediaType()).isEqualTo(DocumentParser.PDF);
        assertThat(doc.title()).isEqualTo("Transfer Limits");
        assertThat(doc.version()).contains("1.0");
        assertThat(doc.blocks()).contains(Block.heading(1, "Transfer Limits"), Block.heading(2, "1. Daily limits"),
                Block.heading(3, "1.2 New payees"));
        assertThat(doc.blocks().stream().filter(b -> !b.isHeading()).map(Block::text))
                .anyMatch(t -> t.contains("capped at 5,000 yuan in total"));
    }

    @Test
    void reads_chinese_pdf_when_the_cjk_font_is_installed() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(DocumentFiles.CJK_FONT), "fonts-wqy-microhei not installed");
        String md = "# 支付结算服务管理办法\n\n## 第一章 总则\n\n第一条 为规范本行支付结算服务，制定本办法。\n\n第二条 通过智能助手提交的转账，一律经人工审核后执行。\n";
        ParsedDocument doc = parser.parse(DocumentFiles.pdf(md, Optional.of(DocumentFiles.CJK_FONT)), "fallback");

        assertThat(doc.language()).isEqualTo(Language.ZH);
        assertThat(doc.title()).isEqualTo("支付结算服务管理办法");
        assertThat(doc.blocks()).contains(Block.heading(2, "第一章 总则"));
        assertThat(doc.blocks().stream().map(Block::text)).anyMatch(t -> t.startsWith("第二条 通过智能助手提交的转账"));
    }

    @Test
    void detects_the_type_from_content_not_from_the_name() throws Exception {
        // A PDF whose name would say .md is still read as PDF: the parser is never told the name.
        ParsedDocument doc = parser.parse(DocumentFiles.pdf("# Title\n\nSome text here.", Optional.empty()), "notes.md");
        assertThat(doc.mediaType()).isEqualTo(DocumentParser.PDF);
    }

    @Test
    void rejects_an_empty_file() {
        assertRejected(new byte[0], Reason.EMPTY, "empty");
    }

    @Test
    void rejects_a_file_with_no_text() {
        assertRejected(utf8("   \n\n  \t "), Reason.EMPTY, "no text");
    }

    @Test
    void rejects_an_unsupported_type() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};
        assertRejected(png, Reason.UNSUPPORTED_TYPE, "image/png");
    }

    @Test
    void rejects_a_truncated_pdf_as_corrupt() {
        byte[] pdf = DocumentFiles.pdf("# Title\n\nSome text here.", Optional.empty());
        assertRejected(Arrays.copyOf(pdf, pdf.length / 3), Reason.CORRUPT, "damaged");
    }

    @Test
    void rejects_an_encrypted_pdf() throws IOException {
        byte[] plain = DocumentFiles.pdf("# Secret\n\nHidden text.", Optional.empty());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = Loader.loadPDF(plain)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-pw", "user-pw", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
        }
        assertRejected(out.toByteArray(), Reason.ENCRYPTED, "password");
    }

    @Test
    void rejects_a_password_protected_docx() throws Exception {
        byte[] docx = DocumentFiles.docx(RULES_MD);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(docx);
            }
            fs.writeFilesystem(out);
        }
        assertRejected(out.toByteArray(), Reason.ENCRYPTED, "password");
    }

    @Test
    void rejects_a_file_over_the_size_limit() {
        DocumentParser small = new DocumentParser(new DocumentParser.Limits(1_000, 200_000, 100, 100));
        assertThatThrownBy(() -> small.parse(utf8("x".repeat(2_000)), "big"))
                .isInstanceOfSatisfying(DocumentRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
                .hasMessageContaining("limit");
    }

    @Test
    void rejects_a_docx_that_inflates_like_a_zip_bomb() throws IOException {
        // A real DOCX whose document part is a few hundred KB of zip holding ~60 MB of XML.
        byte[] docx = DocumentFiles.docx("# Bomb\n\nText.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("word/document.xml")) {
                    String xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    String run = "<w:p><w:r><w:t>" + "a".repeat(1000) + "</w:t></w:r></w:p>";
                    String body = run.repeat(60_000);
                    zip.write(xml.replace("<w:body>", "<w:body>" + body).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    zip.write(in.readAllBytes());
                }
                zip.closeEntry();
            }
        }
        assertRejected(out.toByteArray(), Reason.BOMB, "bomb");
    }

    @Test
    void rejects_text_longer_than_the_output_limit() {
        DocumentParser strict = new DocumentParser(new DocumentParser.Limits(20_000_000, 10_000, 100, 100));
        String text = ("Paragraph of ordinary words.\n\n").repeat(2_000);
        assertThatThrownBy(() -> strict.parse(utf8(text), "long"))
                .isInstanceOfSatisfying(DocumentRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.BOMB));
    }

    @Test
    void rejects_deeply_nested_html() {
        // Tika flattens divs, but lists keep their nesting in its output: 2 x 3,000 levels.
        String html = "<html><body>" + "<ul><li>".repeat(3_000) + "deep" + "</li></ul>".repeat(3_000) + "</body></html>";
        DocumentParser strict = new DocumentParser(new DocumentParser.Limits(20_000_000, 200_000, 100, 100));
        assertThatThrownBy(() -> strict.parse(utf8(html), "nested"))
                .isInstanceOfSatisfying(DocumentRejected.class, e -> assertThat(e.reason()).isEqualTo(Reason.BOMB))
                .hasMessageContaining("nesting bomb");
    }

    @Test
    void finds_chinese_effective_dates_and_versions() {
        assertThat(DocumentParser.effectiveDate("标题\n生效日期：2026年7月1日\n")).contains(LocalDate.of(2026, 7, 1));
        assertThat(DocumentParser.version("标题\n版本：V3.2\n")).contains("V3.2");
        assertThat(DocumentParser.effectiveDate("no date here")).isEmpty();
    }

    private void assertRejected(byte[] content, Reason reason, String messagePart) {
        assertThatThrownBy(() -> parser.parse(content, "file"))
                .isInstanceOfSatisfying(DocumentRejected.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(messagePart);
    }

    static List<Block> headings(ParsedDocument doc) {
        return doc.blocks().stream().filter(Block::isHeading).toList();
    }
}
