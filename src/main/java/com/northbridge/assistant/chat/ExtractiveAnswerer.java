package com.northbridge.assistant.chat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.northbridge.assistant.text.KeywordTokenizer;
import com.northbridge.assistant.text.Language;

/**
 * The offline engine's answers: the sentences of the retrieved passages that share the most terms with
 * the question, each followed by the citation id of its passage. It never writes a sentence of its own
 * about products or rules, so it cannot invent a fee or a limit; when no sentence shares a term with the
 * question there is no answer.
 */
public final class ExtractiveAnswerer {

    private static final int MAX_SENTENCES = 3;
    private static final double QUANTITY_BOOST = 1.25;
    /** How many items of a list are quoted after the sentence that introduces it. */
    private static final int LIST_ITEMS = 4;
    /**
     * A number of something: an amount, a share, a time. A bare number ("section 1.3", "Article 12") answers no
     * "how much".
     */
    private static final java.util.regex.Pattern STATES_QUANTITY = java.util.regex.Pattern.compile(
            "(?i)\\d[\\d,.]*\\s*(%|％|yuan|cny|rmb|元|万|days?|天|日|hours?|小时|minutes?|分钟|months?|个月|years?|年|times|笔|次|devices?|台)"
                    + "|(?i)\\b(first|up to|at least|at most|aged|over|under)\\s+\\d|\\d+\\s*(岁|周岁|and (over|above|under))");
    /** A sentence opening like this works out or illustrates the sentence before it. */
    private static final java.util.regex.Pattern CONTINUES = java.util.regex.Pattern.compile(
            "^(?i:so|thus|this means|that means|for example|for instance|in other words|which means)\\b|^(所以|因此|例如|比如|也就是说|这样一来)");
    /**
     * Share of the question's terms the chosen sentences must contain together. Below it the sentences are
     * only near the topic ("safe deposit box" meets "deposit insurance"), and not answering is safer.
     * Chinese questions carry many bigrams that span two words ("人当", "能转"), so their share is lower.
     */
    static final double MIN_COVERAGE_EN = 0.5;
    static final double MIN_COVERAGE_ZH = 0.25;
    /** Share of the question's terms the best sentence must contain on its own. */
    static final double MIN_FOCUS_EN = 0.3;
    /** Terms a sentence must share with the question to be added for answering another part of it. */
    private static final int MIN_SHARED_FOR_PART = 2;
    /** Share of terms two sentences must have in common to count as one statement. */
    private static final double SAME_STATEMENT = 0.75;
    static final double MIN_FOCUS_ZH = 0.13;

    private ExtractiveAnswerer() {
    }

    /** A sentence of a passage with its terms and whether it states a quantity, each worked out once per answer. */
    private record Candidate(Source source, int sourceRank, int position, String sentence, Set<String> terms, boolean statesQuantity,
                             double score) {
    }

    /**
     * Words of conversation, not of the topic: contractions, pronouns, fillers and feelings ("lol", "tbh",
     * "annoyed"). Left in, they count against every honest question, since no document contains them.
     */
    private static final Set<String> FILLER = Set.of(
            "what", "whats", "u", "ur", "q", "pls", "plz", "lol", "tbh", "btw", "thx", "yeah", "gonna", "wanna",
            "he", "she", "her", "him", "his", "they", "them", "their", "someone", "something", "anything", "everyone", "nobody", "anyone",
            "thing", "things", "lot", "bit", "one", "those", "these", "some", "all", "each", "every", "only", "even", "again", "ever",
            "go", "going", "come", "take", "make", "give", "put", "know", "think", "said", "say", "told", "tell", "like", "let",
            "actually", "absolutely", "basically", "right", "now", "today", "tomorrow", "yesterday", "ago", "there", "here",
            "through", "before", "after", "way", "idea", "bad", "good", "sure", "ask", "asking", "wonder", "wondering",
            "annoy", "annoyed", "angry", "upset", "worried", "regret", "husband", "wife", "mum", "mom", "dad", "grandad", "son",
            "daughter", "aunt", "friend", "expect", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "week", "weekend", "morning", "afternoon", "evening", "tonight", "前天", "昨天", "今天", "明天", "上周", "家里", "听说", "一般", "具体", "直接", "到底", "总共", "有点", "上次", "万一");
    /** Han characters that turn a bigram into question glue ("是多", "额是", "咋免"). */
    private static final String GLUE = "是少么啥咋哪吗呢吧啊呀哦嘛";

    /**
     * Customers' words for what the documents name otherwise, as the keyword tokenizer stems them: "text
     * msg" is an SMS code, a "ceiling" a limit, "yearly" annual. Both sides are mapped to the first word.
     */
    private static final List<List<String>> SAME_MEANING = List.of(
            List.of("sms", "text", "msg", "texts"),
            List.of("annual", "yearly"),
            List.of("limit", "ceiling", "cap", "capped", "max", "maximum", "biggest", "largest", "highest", "most", "exceed", "exceeding",
                    "最多", "最高", "上限", "限额", "超过"),
            List.of("fee", "charge", "charged", "cost", "price", "cut", "commission", "fees", "charges",
                    "收费", "费用", "续费", "扣费"),
            List.of("amount", "sum", "金额", "额度", "能借", "借多"),
            List.of("u-key", "usb", "ukey", "u"),
            List.of("replacement", "replace"),
            List.of("expedite", "expedited", "quick", "quickly", "urgent", "fast"),
            List.of("withdraw", "withdrawal", "pull", "取出", "支取", "取款", "取钱"),
            List.of("cancel", "undo", "cancellation"),
            List.of("free", "waive", "waived", "免费", "免收", "不收", "能免", "免除"),
            List.of("incoming", "receive", "receives", "receiving", "received", "arrive"),
            List.of("abroad", "overseas", "cross-border"),
            List.of("complaint", "complain", "complained", "complaints", "投诉"),
            List.of("reply", "answer", "respond", "response", "resolve", "回复", "答复", "给回", "告知"),
            List.of("change", "update", "modify", "switch"),
            List.of("pay", "payment", "payments", "paying", "paid"),
            List.of("transfer", "send", "sending", "sent", "transfers"),
            List.of("repay", "repayment", "clear", "settle", "prepay", "prepayment"),
            List.of("term", "longest", "duration"),
            List.of("penalty", "penalties", "damages"),
            List.of("利息", "计息"));
    private static final java.util.Map<String, String> CANONICAL = canonical();
    /**
     * Customers' phrases for what the documents say in one word, rewritten in the question before its terms are
     * taken: cash "paid in" is a deposit, money that "comes in" is incoming, a named country is abroad (境外),
     * which is all the documents ever say of it, and renminbi are yuan (元). Narrow on purpose: "pay in
     * instalments" is no deposit, and "can I come in on Saturday" no incoming payment.
     */
    private static final List<java.util.Map.Entry<java.util.regex.Pattern, String>> CUSTOMER_PHRASES = List.of(
            java.util.Map.entry(java.util.regex.Pattern.compile("(?i)\\b(pay|pays|paying|paid)\\s+in\\s+(?=[\\d¥]|cash|cheques?|money|coins|notes)"), "deposit "),
            java.util.Map.entry(java.util.regex.Pattern.compile("(?i)\\b(it|money|payment|transfer|wire|salary|funds|remittance)s?\\s+(come|comes|coming|came)\\s+in\\b"), "incoming"),
            java.util.Map.entry(java.util.regex.Pattern.compile("(?i)\\b(canada|australia|america|the us|the usa|the uk|england|britain|"
                    + "japan|germany|france|italy|spain|singapore|new zealand|korea|thailand|malaysia)\\b"), "abroad"),
            java.util.Map.entry(java.util.regex.Pattern.compile("(?i)\\b(rmb|cny)\\b"), "yuan"),
            java.util.Map.entry(java.util.regex.Pattern.compile("人民币"), "元"),
            java.util.Map.entry(java.util.regex.Pattern.compile("澳洲|澳大利亚|美国|加拿大|英国|日本|德国|法国|意大利|西班牙|新加坡|新西兰|韩国|泰国|马来西亚|国外|海外"), "境外"));
    private static final java.util.regex.Pattern OWN_DETAILS = java.util.regex.Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+|(?i)https?://\\S+");
    private static final java.util.regex.Pattern ASKS_SOMETHING = java.util.regex.Pattern.compile(
            "多少|几|吗|么|呢|啥|哪|怎|能否|能不能|可不可以|是否|有没有|[?？]");
    private static final java.util.regex.Pattern ASKS_QUANTITY = java.util.regex.Pattern.compile(
            "(?i)how (much|many|long)|\\b(fee|fees|cost|charge|charges|rate|limit|max|maximum|minimum|most|biggest|longest|price|penalty|interest)\\b|多少|多久|怎么算|如何计算|几|最多|最长|最低|最高|限额|费|利率|利息");

    private static java.util.Map<String, String> canonical() {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (List<String> group : SAME_MEANING) {
            group.forEach(w -> m.put(w, group.get(0)));
        }
        return m;
    }

    private static Set<String> canonicalTerms(String text) {
        Set<String> terms = new HashSet<>();
        for (String t : KeywordTokenizer.terms(text)) {
            terms.add(CANONICAL.getOrDefault(t, t));
        }
        return terms;
    }

    /** The question's terms that a document could contain. */
    static Set<String> topicTerms(String question) {
        Set<String> terms = new HashSet<>();
        // The customer's own e-mail address or link is not a topic any document could share.
        String text = OWN_DETAILS.matcher(question).replaceAll(" ");
        for (java.util.Map.Entry<java.util.regex.Pattern, String> phrase : CUSTOMER_PHRASES) {
            text = phrase.getKey().matcher(text).replaceAll(" " + phrase.getValue() + " ");
        }
        for (String raw : KeywordTokenizer.terms(text)) {
            String t = CANONICAL.getOrDefault(raw, raw);
            boolean contraction = t.contains("'") || t.contains("’");
            boolean glue = t.codePoints().anyMatch(c -> GLUE.indexOf(c) >= 0) || t.equals("多少");
            // A customer's own amount ("8000", "30000") is not something to find in the documents.
            boolean ownAmount = t.matches("\\d{3,}");
            if (!contraction && !glue && !ownAmount && !FILLER.contains(t)) {
                terms.add(t);
            }
        }
        return terms;
    }

    public static Optional<String> answer(String question, List<Source> sources, Language language) {
        Set<String> asked = topicTerms(question);
        if (asked.isEmpty()) {
            return Optional.empty();
        }
        boolean quantity = ASKS_QUANTITY.matcher(question).find();
        List<Candidate> candidates = new ArrayList<>();
        for (int rank = 0; rank < sources.size(); rank++) {
            Source source = sources.get(rank);
            List<String> sentences = sentences(source.text());
            for (int i = 0; i < sentences.size(); i++) {
                Set<String> terms = canonicalTerms(sentences.get(i));
                long shared = asked.stream().filter(terms::contains).count();
                if (shared == 0) {
                    continue;
                }
                boolean statesQuantity = STATES_QUANTITY.matcher(sentences.get(i)).find();
                // Share of the question covered, nudged towards better-ranked passages and earlier sentences.
                double score = shared / (double) asked.size() / (1 + 0.25 * rank) / (1 + 0.05 * i);
                if (quantity && statesQuantity) {
                    score *= QUANTITY_BOOST; // "how much?" is answered by a sentence with the number
                }
                candidates.add(new Candidate(source, rank, i, sentences.get(i), terms, statesQuantity, score));
            }
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Candidate best = candidates.stream().max(Comparator.comparingDouble(Candidate::score)).orElseThrow();
        // The best sentence, then the sentences that answer a part of the question the chosen ones do not yet
        // answer ("what does it cost, and how much if I need it quickly?"), then close runners-up.
        List<Candidate> chosen = new ArrayList<>(List.of(best));
        Set<String> covered = new HashSet<>(best.terms());
        // "What's the biggest amount and the longest term?": each part gets its own best sentence.
        for (String part : parts(question)) {
            Set<String> partTerms = topicTerms(part);
            partTerms.removeIf(t -> !asked.contains(t));
            boolean partQuantity = ASKS_QUANTITY.matcher(part).find();
            // "How much?" is not answered by sentences that share its words but state no number about them.
            boolean numberMissing = partQuantity && chosen.stream().noneMatch(x -> x.statesQuantity()
                    && partTerms.stream().anyMatch(x.terms()::contains));
            if (partTerms.isEmpty() || partTerms.stream().allMatch(covered::contains) && !numberMissing || chosen.size() >= MAX_SENTENCES) {
                continue;
            }
            Candidate forPart = null;
            double forPartValue = 0;
            for (Candidate c : candidates) {
                Set<String> terms = c.terms();
                long fresh = partTerms.stream().filter(t -> terms.contains(t) && !covered.contains(t)).count();
                boolean givesNumber = numberMissing && c.statesQuantity() && partTerms.stream().anyMatch(terms::contains);
                if (fresh == 0 && !givesNumber || chosen.contains(c) || chosen.stream().anyMatch(x -> sameStatement(x.terms(), terms))) {
                    continue;
                }
                double value = partTerms.stream().filter(terms::contains).count() / (double) partTerms.size() + c.score()
                        + (partQuantity && c.statesQuantity() ? 0.5 : 0);
                if (value > forPartValue) {
                    forPart = c;
                    forPartValue = value;
                }
            }
            if (forPart != null) {
                chosen.add(forPart);
                covered.addAll(forPart.terms());
            }
        }
        while (chosen.size() < MAX_SENTENCES) {
            Candidate next = null;
            double nextValue = 0;
            for (Candidate c : candidates) {
                Set<String> terms = c.terms();
                if (chosen.contains(c) || chosen.stream().anyMatch(x -> sameStatement(x.terms(), terms))) {
                    continue; // FAQ and product guide often say the same thing: once is enough
                }
                long fresh = asked.stream().filter(t -> terms.contains(t) && !covered.contains(t)).count();
                long shared = asked.stream().filter(terms::contains).count();
                boolean close = c.score() >= best.score() * 0.5;
                // From another passage, a sentence sharing one word with the question ("safe" in "safe
                // account") is a coincidence; next to the best sentence it is usually the rest of the answer.
                boolean coincidence = shared < Math.min(MIN_SHARED_FOR_PART, asked.size()) && c.sourceRank() != best.sourceRank();
                if (coincidence || !close && fresh == 0) {
                    continue;
                }
                double value = fresh / (double) asked.size() + c.score();
                if (value > nextValue) {
                    next = c;
                    nextValue = value;
                }
            }
            if (next == null) {
                break;
            }
            chosen.add(next);
            covered.addAll(next.terms());
        }
        if (!Qualifiers.covered(question, best.sentence())) {
            return Optional.empty(); // the rule found is for another currency, customer type or channel
        }
        chosen.sort(Comparator.comparingInt(Candidate::sourceRank).thenComparingInt(Candidate::position));
        double minimum = language == Language.ZH ? MIN_COVERAGE_ZH : MIN_COVERAGE_EN;
        Set<String> bestTerms = best.terms();
        double focus = language == Language.ZH ? MIN_FOCUS_ZH : MIN_FOCUS_EN;
        if (asked.stream().filter(bestTerms::contains).count() < focus * asked.size()) {
            return Optional.empty(); // only scattered sentences each touching one word: a patchwork, not an answer
        }
        if (asked.stream().filter(covered::contains).count() < minimum * asked.size()) {
            return Optional.empty();
        }
        StringBuilder answer = new StringBuilder();
        Set<String> written = new HashSet<>();
        for (Candidate c : chosen) {
            List<String> sentences = sentences(c.source().text());
            List<String> parts = new ArrayList<>(List.of(c.sentence()));
            // "So if you withdraw five times, you pay 4 yuan" is an example of the rule just before it.
            // A worked example can rest on the two sentences before it ("the first 3 are free; from the fourth, 2
            // yuan each; so five cost 4 yuan").
            if (c.position() > 0 && CONTINUES.matcher(c.sentence().strip()).find()) {
                for (int back = 1; back <= 2 && c.position() - back >= 0; back++) {
                    parts.add(0, sentences.get(c.position() - back));
                    if (back == 1 && !STATES_QUANTITY.matcher(sentences.get(c.position() - 1)).find()) {
                        break; // the sentence before is the rule itself
                    }
                }
            }
            if (!introducesList(c.sentence()) && endsClause(c.sentence())) {
                // Half a statement ("手续费为汇款金额的0.1%，最低50元、最高260元；"): the rest of it follows.
                for (int i = c.position() + 1; i < sentences.size() && parts.size() <= LIST_ITEMS; i++) {
                    parts.add(sentences.get(i));
                    if (!endsClause(sentences.get(i))) {
                        break;
                    }
                }
            }
            // A sentence that introduces a list ("免收年费的条件：") means nothing without the list.
            if (introducesList(c.sentence())) {
                for (int i = c.position() + 1; i < sentences.size() && parts.size() <= LIST_ITEMS; i++) {
                    if (parts.size() > 1 && !looksLikeListItem(parts.get(parts.size() - 1))) {
                        break; // the list ended with the item before
                    }
                    parts.add(sentences.get(i));
                }
            }
            for (String part : parts) {
                if (!written.add(part.strip())) {
                    continue;
                }
                if (!answer.isEmpty()) {
                    answer.append(language == Language.ZH ? "" : " ");
                }
                answer.append(part.strip()).append(" [").append(c.source().citationId()).append(']');
            }
        }
        return Optional.of(answer.toString());
    }

    /** The parts of a question that asks several things at once. */
    static List<String> parts(String question) {
        List<String> parts = new ArrayList<>();
        for (String p : question.split("[?？，,;；]|\\band\\b|还有|另外|以及")) {
            // Chinese chat messages often part their clauses with a space ("白金卡年费多少 消费多少能免"); a clause
            // that asks nothing ("我网上开的二类户") is the setting of the one after it, not a question of its own.
            String pending = "";
            int added = 0;
            for (String piece : p.strip().split("(?<=\\p{IsHan})\\s+(?=\\p{IsHan})")) {
                pending = pending.isEmpty() ? piece : pending + " " + piece;
                if (ASKS_SOMETHING.matcher(piece).find()) {
                    parts.add(pending.strip());
                    pending = "";
                    added++;
                }
            }
            if (!pending.isBlank()) {
                if (added > 0) {
                    parts.set(parts.size() - 1, parts.get(parts.size() - 1) + " " + pending.strip());
                } else {
                    parts.add(pending.strip());
                }
            }
        }
        return parts.size() > 1 ? parts : List.of();
    }

    /** Two sentences state the same thing when most terms of the shorter one are in the other. */
    private static boolean sameStatement(Set<String> chosenTerms, Set<String> candidateTerms) {
        if (candidateTerms.isEmpty()) {
            return true;
        }
        long shared = candidateTerms.stream().filter(chosenTerms::contains).count();
        return shared >= SAME_STATEMENT * Math.min(candidateTerms.size(), chosenTerms.size());
    }

    private static boolean endsClause(String sentence) {
        String s = sentence.strip();
        return s.endsWith("；") || s.endsWith(";");
    }

    private static boolean introducesList(String sentence) {
        String s = sentence.strip();
        return s.endsWith("：") || s.endsWith(":");
    }

    private static boolean looksLikeListItem(String sentence) {
        String s = sentence.strip();
        // A table row ("中国大陆境内其他银行ATM | 每月前3笔免费") is an item of the table its sentence introduces.
        return s.endsWith("；") || s.endsWith(";") || s.contains(" | ") || s.matches("^(?:[（(]?[一二三四五六七八九十\\d]+[）)、.]|[-•*]).*");
    }

    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        for (String part : text.split("(?<=[。！？；!?])|(?<=[.;])\\s+|\\R")) {
            String s = part.strip().replaceFirst("^[•\\-*]\\s*", "");
            if (s.length() > 1) {
                sentences.add(s);
            }
        }
        return sentences;
    }
}
