package com.northbridge.assistant.chat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the slots of an account action in Chinese or English: amounts ("5000元", "¥5,000", "5k", "五千块",
 * "1.5万", "USD 200"), the payee ("to Li Lei", "给李雷"), an account suffix ("尾号1234", "ending 1234") and
 * dates ("tomorrow", "明天", "2026-12-01", "12月1日"). Deterministic: the same text always gives the same
 * slots, relative dates counted from the given day.
 */
public final class SlotExtractor {

    private static final String CN_NUM = "[零〇一二两三四五六七八九十百千万亿]+";
    private static final Pattern CURRENCY_BEFORE = Pattern.compile(
            "(?i)(¥|￥|rmb|cny|usd|us\\$|\\$|hkd|eur|€|gbp|£)\\s*(\\d[\\d,]*(?:\\.\\d+)?)\\s*([kK万]|千)?");
    private static final Pattern DIGITS_AFTER = Pattern.compile(
            "(?i)(\\d[\\d,]*(?:\\.\\d+)?)\\s*(k|千|万|w)?\\s*(元|块钱|块|人民币|rmb|cny|yuan|usd|dollars?|美元|美金|港币|hkd|欧元|eur|euros?)?(?![\\d%])");
    private static final Pattern CHINESE_AMOUNT = Pattern.compile("(" + CN_NUM + ")\\s*(元|块钱|块|美元|美金)");
    /** Without a currency word a Chinese numeral is an amount only when it has a unit of hundreds or more. */
    private static final Pattern CHINESE_BARE_AMOUNT = Pattern.compile("(?<![\\d.])([零〇一二两三四五六七八九十]+[百千万亿]" + CN_NUM.replace("+", "*") + ")");
    private static final Pattern ACCOUNT_SUFFIX = Pattern.compile(
            "(?i)(?:尾号|末四位|后四位|ending(?:\\s+in)?|last\\s+(?:four|4)(?:\\s+digits)?(?:\\s+are)?)\\s*[:：]?\\s*(\\d{4})");
    private static final Pattern PAYEE_EN = Pattern.compile(
            "\\b(?i:to|for|pay)\\s+((?i:my\\s+)?(?:[A-Z][a-z]+(?:\\s+[A-Z][a-z]+){0,2}|\\p{IsHan}{2,4}(?![\\p{IsHan}])|(?i:landlord|mother|mom|mum|father|dad|son|daughter|wife|husband|brother|sister|friend)))\\b");
    private static final Pattern PAYEE_ZH = Pattern.compile("(?:转给|打给|汇给|转账给|付给|给|收款人(?:是|为)?[:：]?)\\s*(我(?:妈|爸|妈妈|爸爸|儿子|女儿|老婆|老公|朋友|哥哥|姐姐|弟弟|妹妹|房东)|[\\p{IsHan}]{2,4}?)(?=转|打|汇|付|\\d|" + CN_NUM + "|[，。,.!！?？ ]|$)");
    /** A name as customers type it in Latin letters: "James Carter", "Jason". */
    private static final String LATIN_NAME = "(?-i:[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2})";
    private static final String HAN_NAME = "\\p{IsHan}{2,4}";
    /** A name after a label: "户名李四", "收款人：刘小红", "name Tom Baker", "payee: Kevin Zhang". */
    private static final Pattern PAYEE_LABELLED = Pattern.compile(
            "(?:户名|收款人(?:姓名|名字|名)?|收款方|对方(?:姓名|户名)|\\b(?i:name|payee(?:\\s+name)?|recipient|beneficiary|account\\s+name))"
                    + "\\s*(?:是|为|(?i:is))?\\s*[:：]?\\s*(" + LATIN_NAME + "|" + HAN_NAME + "?)(?=$|[\\s,，。.;；!！?？)）]|\\d)");
    /** A name in brackets or right after an account number: "6217… (Kevin Zhang)", "6217…, Robert Chan". */
    private static final Pattern PAYEE_NEAR_ACCOUNT = Pattern.compile(
            "\\d{12,19}\\s*(?:[(（]\\s*(" + LATIN_NAME + "|" + HAN_NAME + ")\\s*[)）]|[,，]?\\s+(" + LATIN_NAME + ")\\b)");
    /** "给James Carter转", "转五千块给James Carter": a Latin-letter name in a Chinese sentence. */
    /** A relative or acquaintance named after the relation: "给我表哥周伟转", "转给同事王磊". The name is the payee. */
    private static final Pattern PAYEE_ZH_KIN = Pattern.compile("(?:转给|打给|汇给|转账给|付给|给)\\s*我?的?"
            + "(?:表哥|表姐|表弟|表妹|堂哥|堂姐|堂弟|堂妹|哥哥|姐姐|弟弟|妹妹|朋友|同事|同学|房东|老板|舅舅|叔叔|阿姨|姑姑|姨妈|侄子|外甥)"
            + "([\\p{IsHan}]{2,3}?)(?=转|打|汇|付|\\d|" + CN_NUM + "|[，。,.!！?？ ]|$)");
    private static final Pattern PAYEE_ZH_LATIN = Pattern.compile("(?:转给|打给|汇给|转账给|付给|给)\\s*(" + LATIN_NAME + ")");
    /** "James Carter 转1.2万", "James Carter那边再转": the name first, then the verb. */
    private static final Pattern PAYEE_LEADING = Pattern.compile(
            "^\\s*(" + LATIN_NAME + ")\\s*(?=那边|那里|这边|(?:再)?(?:转|打|汇))");
    /** "send 王芳 5k", "pay Tom Baker 2000": the verb straight before the name. */
    private static final Pattern PAYEE_AFTER_VERB = Pattern.compile(
            "\\b(?i:send|pay|wire|transfer|remit)\\s+(" + LATIN_NAME + "|" + HAN_NAME + "(?![\\p{IsHan}]))");
    /** Long digit runs are card, account, ID or mobile numbers, never amounts. */
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![\\d.,])\\d(?:[ -]?\\d){8,}(?![\\d])|\\b[A-Z]{2}\\d{2}(?:\\s?[A-Z0-9]{4}){2,7}(?:\\s?[A-Z0-9]{1,4})?\\b");
    /** "5000，哦不对，3000", "1000. no wait, make it 1500": the amount after the correction counts. */
    private static final Pattern CORRECTION = Pattern.compile(
            "(?i)不对|不是|改成|改为|算了|还是|\\bno\\s+wait\\b|\\bmake\\s+it\\b|\\bactually\\b|\\binstead\\b|\\bsorry\\b|\\bi\\s+mean\\b");
    private static final Pattern ENGLISH_AMOUNT = Pattern.compile(
            "(?i)\\b((?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
                    + "|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|a|and)[\\s-]+)*"
                    + "(?:hundred|thousand|million|grand))\\b\\s*(yuan|rmb|cny|dollars?|usd|euros?|eur|kuai)?");
    /** Capitalised words and Chinese words that are not names. */
    private static final Pattern NOT_A_NAME = Pattern.compile(
            "(?i)hi|hello|hey|please|thanks|thank you|ok|okay|yes|no|sure|the|my|me|it|this|that|money|some|我|我们|你|你们|帮我|麻烦|请|现在|马上|今天|明天|再|钱|一下");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern ZH_DATE = Pattern.compile("(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})[日号]");

    private SlotExtractor() {
    }

    public static Slots extract(String text, LocalDate today) {
        return new Slots(amount(text), payee(text), accountSuffix(text), date(text, today));
    }

    static Optional<Amount> amount(String text) {
        Matcher correction = CORRECTION.matcher(text);
        int last = -1;
        while (correction.find()) {
            last = correction.end();
        }
        if (last > 0) {
            Optional<Amount> corrected = firstAmount(text.substring(last));
            if (corrected.isPresent()) {
                return corrected;
            }
        }
        return firstAmount(text);
    }

    private static Optional<Amount> firstAmount(String text) {
        String withoutSuffixes = LONG_NUMBER.matcher(text).replaceAll(" ");
        withoutSuffixes = ACCOUNT_SUFFIX.matcher(withoutSuffixes).replaceAll(" ");
        withoutSuffixes = ISO_DATE.matcher(withoutSuffixes).replaceAll(" ");
        withoutSuffixes = ZH_DATE.matcher(withoutSuffixes).replaceAll(" ");
        Matcher m = CURRENCY_BEFORE.matcher(withoutSuffixes);
        if (m.find()) {
            return Optional.of(new Amount(scaled(number(m.group(2)), m.group(3)), currency(m.group(1))));
        }
        m = CHINESE_AMOUNT.matcher(withoutSuffixes);
        if (m.find()) {
            Optional<BigDecimal> value = ChineseNumber.parse(m.group(1));
            if (value.isPresent()) {
                return Optional.of(new Amount(value.get(), currency(m.group(2))));
            }
        }
        m = CHINESE_BARE_AMOUNT.matcher(withoutSuffixes);
        if (m.find()) {
            Optional<BigDecimal> value = ChineseNumber.parse(m.group(1));
            if (value.isPresent()) {
                return Optional.of(new Amount(value.get(), "CNY"));
            }
        }
        m = DIGITS_AFTER.matcher(withoutSuffixes);
        while (m.find()) {
            boolean marked = m.group(2) != null || m.group(3) != null;
            BigDecimal value = scaled(number(m.group(1)), m.group(2));
            // A bare number counts as an amount only when it is plausibly one (not "2 hours", not a year).
            if (marked || value.compareTo(BigDecimal.valueOf(10)) >= 0 && !looksLikeTime(withoutSuffixes, m.end())) {
                return Optional.of(new Amount(value, m.group(3) == null ? "CNY" : currency(m.group(3))));
            }
        }
        m = ENGLISH_AMOUNT.matcher(withoutSuffixes);
        if (m.find()) {
            Optional<BigDecimal> value = englishNumber(m.group(1));
            if (value.isPresent()) {
                return Optional.of(new Amount(value.get(), m.group(2) == null ? "CNY" : currency(m.group(2))));
            }
        }
        return Optional.empty();
    }

    /** "twenty thousand", "one hundred and fifty", "two grand": whole numbers written in English words. */
    static Optional<BigDecimal> englishNumber(String words) {
        long total = 0;
        long current = 0;
        boolean any = false;
        for (String w : words.toLowerCase(Locale.ROOT).split("[\\s-]+")) {
            long small = switch (w) {
                case "a", "one" -> 1;
                case "two" -> 2;
                case "three" -> 3;
                case "four" -> 4;
                case "five" -> 5;
                case "six" -> 6;
                case "seven" -> 7;
                case "eight" -> 8;
                case "nine" -> 9;
                case "ten" -> 10;
                case "eleven" -> 11;
                case "twelve" -> 12;
                case "thirteen" -> 13;
                case "fourteen" -> 14;
                case "fifteen" -> 15;
                case "sixteen" -> 16;
                case "seventeen" -> 17;
                case "eighteen" -> 18;
                case "nineteen" -> 19;
                case "twenty" -> 20;
                case "thirty" -> 30;
                case "forty" -> 40;
                case "fifty" -> 50;
                case "sixty" -> 60;
                case "seventy" -> 70;
                case "eighty" -> 80;
                case "ninety" -> 90;
                default -> -1;
            };
            if (small > 0) {
                current += small;
                any = true;
                continue;
            }
            switch (w) {
                case "hundred" -> current = Math.max(current, 1) * 100;
                case "thousand", "grand" -> {
                    total += Math.max(current, 1) * 1_000;
                    current = 0;
                }
                case "million" -> {
                    total += Math.max(current, 1) * 1_000_000;
                    current = 0;
                }
                default -> {
                    continue; // "and"
                }
            }
            any = true;
        }
        return any && total + current > 0 ? Optional.of(BigDecimal.valueOf(total + current)) : Optional.empty();
    }

    private static boolean looksLikeTime(String text, int end) {
        String rest = text.substring(end).stripLeading().toLowerCase(Locale.ROOT);
        return rest.startsWith("hour") || rest.startsWith("day") || rest.startsWith("minute") || rest.startsWith("个月")
                || rest.startsWith("小时") || rest.startsWith("天") || rest.startsWith("分钟") || rest.startsWith("年")
                || rest.startsWith("月") || rest.startsWith("岁") || rest.startsWith("year") || rest.startsWith("month")
                || rest.startsWith("%") || rest.startsWith("次") || rest.startsWith("times");
    }

    private static BigDecimal number(String digits) {
        return new BigDecimal(digits.replace(",", ""));
    }

    private static BigDecimal scaled(BigDecimal value, String unit) {
        if (unit == null) {
            return value;
        }
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "k", "千" -> value.multiply(BigDecimal.valueOf(1_000));
            case "万", "w" -> value.multiply(BigDecimal.valueOf(10_000));
            default -> value;
        };
    }

    private static String currency(String marker) {
        return switch (marker.toLowerCase(Locale.ROOT)) {
            case "usd", "us$", "$", "dollar", "dollars", "美元", "美金" -> "USD";
            case "hkd", "港币" -> "HKD";
            case "eur", "€", "euro", "euros", "欧元" -> "EUR";
            case "gbp", "£" -> "GBP";
            default -> "CNY";
        };
    }

    static Optional<String> payee(String text) {
        Matcher labelled = PAYEE_LABELLED.matcher(text);
        if (labelled.find() && !labelled.group(1).isBlank()) {
            return Optional.of(labelled.group(1));
        }
        Matcher near = PAYEE_NEAR_ACCOUNT.matcher(text);
        if (near.find()) {
            return Optional.of(near.group(1) != null ? near.group(1) : near.group(2));
        }
        Matcher zhLatin = PAYEE_ZH_LATIN.matcher(text);
        if (zhLatin.find()) {
            return Optional.of(zhLatin.group(1));
        }
        Matcher kin = PAYEE_ZH_KIN.matcher(text);
        if (kin.find()) {
            return Optional.of(kin.group(1));
        }
        Matcher zh = PAYEE_ZH.matcher(text);
        if (zh.find()) {
            return Optional.of(zh.group(1));
        }
        Matcher leading = PAYEE_LEADING.matcher(text);
        if (leading.find() && !NOT_A_NAME.matcher(leading.group(1)).matches()) {
            return Optional.of(leading.group(1));
        }
        Matcher verb = PAYEE_AFTER_VERB.matcher(text);
        while (verb.find()) {
            if (!NOT_A_NAME.matcher(verb.group(1)).matches()) {
                return Optional.of(verb.group(1));
            }
        }
        Matcher en = PAYEE_EN.matcher(text);
        while (en.find()) {
            String name = en.group(1).strip();
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals("me") && !lower.startsWith("the ") && !lower.matches("(my\\s+)?(account|card|phone)")) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    static Optional<String> accountSuffix(String text) {
        Matcher m = ACCOUNT_SUFFIX.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static Optional<LocalDate> date(String text, LocalDate today) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("day after tomorrow") || text.contains("后天")) {
            return Optional.of(today.plusDays(2));
        }
        if (lower.contains("tomorrow") || text.contains("明天")) {
            return Optional.of(today.plusDays(1));
        }
        if (lower.contains("yesterday") || text.contains("昨天")) {
            return Optional.of(today.minusDays(1));
        }
        if (lower.matches(".*\\btoday\\b.*") || text.contains("今天")) {
            return Optional.of(today);
        }
        Matcher iso = ISO_DATE.matcher(text);
        if (iso.find()) {
            return safeDate(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
        }
        Matcher zh = ZH_DATE.matcher(text);
        if (zh.find()) {
            int month = Integer.parseInt(zh.group(2));
            int day = Integer.parseInt(zh.group(3));
            if (zh.group(1) != null) {
                return safeDate(Integer.parseInt(zh.group(1)), month, day);
            }
            try {
                // A month and day without a year means the next such day.
                MonthDay md = MonthDay.of(month, day);
                LocalDate candidate = md.atYear(today.getYear());
                return Optional.of(candidate.isBefore(today) ? md.atYear(today.getYear() + 1) : candidate);
            } catch (java.time.DateTimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> safeDate(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
