package com.northbridge.assistant.text;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns text into the terms of our keyword index. PostgreSQL's parsers do not segment Chinese, so the
 * application does it: Han runs become overlapping character bigrams (a lone character stays a unigram),
 * other text becomes lower-cased words without English stop words, reduced by KStem ("added" and
 * "add" meet; Porter would make them "ad" and "add"). Amounts are normalised so
 * "50,000", "50000", "50k" and "5万" meet.
 */
public final class KeywordTokenizer {

    private static final Pattern THOUSANDS_SEPARATOR = Pattern.compile("(?<=\\d)[,，](?=\\d{3})");
    /** "800k", "5万", "1.5万元": written amounts meet the digits the documents use. */
    private static final Pattern SCALED_AMOUNT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kK万])(?![a-zA-Z])");

    /** "3yr", "5yrs": customers' shorthand for the "3 years" of the documents. */
    private static final Pattern YEARS = Pattern.compile("(?i)(\\d+)\\s*yrs?\\b");

    /** Question words that every customer message carries and that say nothing about the topic. */
    private static final CharArraySet STOP_WORDS;

    static {
        CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        stop.addAll(List.of("i", "me", "my", "you", "your", "we", "our", "can", "could", "do", "does", "did",
                "how", "what", "when", "where", "which", "who", "why", "would", "should", "will", "am", "has",
                "have", "had", "get", "got", "want", "need", "please", "hi", "hello", "so", "just", "any",
                "about", "from", "up", "out", "its", "im", "dont", "cant", "us", "much", "many", "just", "really",
                "also", "still", "ok", "okay", "thanks", "thank",
                // Chinese function bigrams: "怎么", "我的", "可以", "请问" appear in every question.
                "怎么", "么办", "我的", "可以", "请问", "什么", "如果", "一下", "你们", "我们", "是不", "不是",
                "的话", "一个", "这个", "那个", "现在", "为什", "么我", "我想", "想要", "能不", "不能", "我要", "吗",
                "的", "了", "呢", "吧", "啊", "我", "你", "是", "在", "有"));
        STOP_WORDS = CharArraySet.unmodifiableSet(stop);
    }

    private static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new CJKWidthFilter(source);
            stream = new LowerCaseFilter(stream);
            stream = new CJKBigramFilter(stream);
            stream = new FunctionCharacterFilter(stream);
            stream = new StopFilter(stream, STOP_WORDS);
            stream = new KStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    };

    /**
     * Particles and pronouns glue every Chinese sentence together; a bigram that contains one ("账了",
     * "回吗", "您可") is noise that BM25 would even reward for being rare.
     */
    private static final String FUNCTION_CHARACTERS = "了吗呢吧啊的么嘛呀哦我你您他她它们";

    private static final class FunctionCharacterFilter extends FilteringTokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        FunctionCharacterFilter(TokenStream input) {
            super(input);
        }

        @Override
        protected boolean accept() {
            if (term.length() != 2 || !Language.isHan(term.charAt(0))) {
                return true;
            }
            return FUNCTION_CHARACTERS.indexOf(term.charAt(0)) < 0 && FUNCTION_CHARACTERS.indexOf(term.charAt(1)) < 0;
        }
    }

    private KeywordTokenizer() {
    }

    /** The terms of a text in order, repeats kept (term frequency matters to ranking). */
    public static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        String normalized = THOUSANDS_SEPARATOR.matcher(text).replaceAll("");
        normalized = YEARS.matcher(normalized).replaceAll("$1 year");
        normalized = SCALED_AMOUNT.matcher(normalized).replaceAll(m -> {
            java.math.BigDecimal factor = m.group(2).equals("万") ? java.math.BigDecimal.valueOf(10_000) : java.math.BigDecimal.valueOf(1_000);
            return new java.math.BigDecimal(m.group(1)).multiply(factor).stripTrailingZeros().toPlainString() + " ";
        });
        try (TokenStream stream = ANALYZER.tokenStream("text", new StringReader(normalized))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string cannot fail", e);
        }
        return terms;
    }
}
