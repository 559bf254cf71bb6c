package com.northbridge.assistant.text;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns text into the terms of our keyword index. PostgreSQL's parsers do not segment Chinese, so the
 * application does it: Han runs become overlapping character bigrams (a lone character stays a unigram),
 * other text becomes lower-cased, stemmed words without English stop words. Digit groups lose their
 * thousands separators so "50,000" and "50000" meet.
 */
public final class KeywordTokenizer {

    private static final Pattern THOUSANDS_SEPARATOR = Pattern.compile("(?<=\\d)[,，](?=\\d{3})");

    /** Question words that every customer message carries and that say nothing about the topic. */
    private static final CharArraySet STOP_WORDS;

    static {
        CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        stop.addAll(List.of("i", "me", "my", "you", "your", "we", "our", "can", "could", "do", "does", "did",
                "how", "what", "when", "where", "which", "who", "why", "would", "should", "will", "am", "has",
                "have", "had", "get", "got", "want", "need", "please", "hi", "hello", "so", "just", "any",
                "about", "from", "up", "out", "its", "im", "dont", "cant", "us",
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
            stream = new StopFilter(stream, STOP_WORDS);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    };

    private KeywordTokenizer() {
    }

    /** The terms of a text in order, repeats kept (term frequency matters to ranking). */
    public static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        String normalized = THOUSANDS_SEPARATOR.matcher(text).replaceAll("");
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
