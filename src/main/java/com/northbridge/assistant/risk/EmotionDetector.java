package com.northbridge.assistant.risk;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.northbridge.assistant.risk.Emotion.Kind;

/**
 * How upset a customer is, from words and typography. Each lexicon word carries a weight; "very", "太"
 * strengthen the word after them, "a bit", "有点" soften it, a negation ("not worried", "不着急") cancels
 * it. Several words add up with diminishing returns, and shouting (!!!, ？？？, words in capitals) and
 * repeated complaints ("again", "第三次") add on top. A single mild word stays below {@link Emotion#STRONG};
 * it takes several cues, or one strong word with emphasis, to get there.
 */
public final class EmotionDetector {

    /** One lexicon entry: the emotion it shows and how much of it. */
    private record Cue(Kind kind, double weight, Pattern pattern, boolean chinese) {
    }

    private static final List<Cue> LEXICON = List.of(
            // frustration
            en(Kind.FRUSTRATION, 0.3, "annoying|annoyed|irritating|irritated"),
            en(Kind.FRUSTRATION, 0.45, "frustrat\\w*"),
            en(Kind.FRUSTRATION, 0.5, "ridiculous|absurd|nonsense|useless|pointless|hopeless"),
            en(Kind.FRUSTRATION, 0.55, "pathetic|incompetent|clueless|unacceptable"),
            en(Kind.FRUSTRATION, 0.5, "waste of (?:my )?time|wasting my time"),
            en(Kind.FRUSTRATION, 0.6, "fed up|sick of|sick and tired|had enough|enough is enough"),
            en(Kind.FRUSTRATION, 0.5, "worst|rubbish|garbage|trash|crappy"),
            en(Kind.FRUSTRATION, 0.45, "terrible|awful|horrible|dreadful|appalling|(?:this is|what) a joke"),
            en(Kind.FRUSTRATION, 0.4, "disappoint\\w*"),
            en(Kind.FRUSTRATION, 0.35, "not happy|unhappy|dissatisfied|how many times|(?:second|third|fourth|fifth|\\d+(?:st|nd|rd|th)) time"),
            en(Kind.FRUSTRATION, 0.35, "no ?one (?:helps|replies|answers|has (?:replied|answered|called|got back))|nobody (?:helps|replies|answers|has (?:replied|answered|called|got back))"),
            en(Kind.FRUSTRATION, 0.25, "still (?:not|hasn'?t|haven'?t|isn'?t|no|waiting|nothing)|keeps? (?:happening|failing|kicking|crashing|declining|rejecting)"),
            en(Kind.FRUSTRATION, 0.3, "complain(?:t|ing)?|waited (?:for )?(?:\\d+|hours|days|weeks|ages|forever|over an hour)"),
            en(Kind.ANGER, 0.45, "what are you (?:even )?(?:good for|doing)|(?:i'?m|i am|i will|i'll) clos(?:e|ing) (?:my|all my) accounts?"),
            // anger
            en(Kind.ANGER, 0.7, "furious|livid|enraged|seething"),
            en(Kind.ANGER, 0.55, "angry|mad at|pissed(?: off)?|outrage\\w*|disgust\\w*|how dare|shame on you"),
            en(Kind.ANGER, 0.5, "hate|liars?|lying to me|damn|hell|wtf|bloody|shit|bullshit|crap|f+u+c+k+\\w*|unbelievable"),
            en(Kind.ANGER, 0.45, "scam(?:med|mers?)?|thieves|thief|robbery|robbing|rip-?off|ripped off|cheat(?:ed|ing)?"),
            en(Kind.ANGER, 0.45, "sue you|lawsuit|my lawyer|legal action|take you to court|report you|go(?:ing)? to the (?:media|press|regulator)"),
            // anxiety
            en(Kind.ANXIETY, 0.65, "panic\\w*|freaking out|terrified"),
            en(Kind.ANXIETY, 0.6, "desperate\\w*"),
            en(Kind.ANXIETY, 0.45, "worried|anxious|nervous|scared|afraid|frightened|emergency|all my (?:money|savings)|life savings|lost everything|everything i have"),
            en(Kind.ANXIETY, 0.5, "don'?t know what to do|(?:my )?money (?:is|has) (?:gone|disappeared|missing|vanished)"),
            en(Kind.ANXIETY, 0.4, "worry(?:ing)?|stress(?:ed)?"),
            en(Kind.ANXIETY, 0.35, "urgent(?:ly)?|asap|what (?:do|should|can) i do|what now|please help|help me|need help"),
            en(Kind.ANXIETY, 0.3, "concerned|vanish\\w*"),
            zh(Kind.FRUSTRATION, 0.6, "烦死|受够|烦透"),
            zh(Kind.FRUSTRATION, 0.7, "忍无可忍"),
            zh(Kind.FRUSTRATION, 0.5, "太差劲|差劲|太差|什么破|破银行|破app|破系统|垃圾|坑人|坑爹|坑钱|搞什么|敷衍|踢皮球|推来推去|推脱|态度(?:太)?(?:差|恶劣)"),
            zh(Kind.FRUSTRATION, 0.45, "无语|离谱|浪费(?:我的)?时间|什么鬼|我要投诉|投诉你们"),
            zh(Kind.FRUSTRATION, 0.4, "失望|没用"),
            zh(Kind.FRUSTRATION, 0.35, "不满意|不满|服了|折腾|效率(?:太)?低|磨叽|墨迹|太麻烦|好麻烦|真麻烦|麻烦死|多少次了|几次了|第[二三四五六七八九十几]次"),
            zh(Kind.FRUSTRATION, 0.3, "(?<![麻恐])烦|醉了|投诉"),
            zh(Kind.FRUSTRATION, 0.25, "还没(?:到账|处理|回复|解决|好|人理|过|通过|批|下来|办好)|一直(?:没|不|都没)|到底"),
            zh(Kind.FRUSTRATION, 0.3, "等了(?:一个多|好几个?|半天|大半天|一整天|\\d+|[一二三四五六七八九十两几]+)(?:个)?(?:小时|钟头|天|星期|周|月)"),
            zh(Kind.ANGER, 0.55, "干什么吃的|吃干饭"),
            zh(Kind.ANGER, 0.4, "(?:我要|我要去|马上|立刻)销户"),
            zh(Kind.ANGER, 0.65, "气死|愤怒"),
            zh(Kind.ANGER, 0.6, "欺负人|欺人太甚|无耻|岂有此理"),
            zh(Kind.ANGER, 0.55, "火大|恼火|混蛋|王八蛋|他妈(?!妈)|(?<![我你他她老姑舅姨后亲爸])妈的|tmd|nmd|我靠|卧槽|尼玛|傻逼|黑心|抢钱|强盗|吸血|告你们|起诉你们"),
            zh(Kind.ANGER, 0.5, "骗子|滚(?=[!。\\s]|$)"),
            zh(Kind.ANGER, 0.45, "生气|曝光|太过分|过分"),
            zh(Kind.ANGER, 0.4, "凭什么|要求赔偿"),
            zh(Kind.ANXIETY, 0.65, "急死|吓死|吓坏"),
            zh(Kind.ANXIETY, 0.6, "救命"),
            zh(Kind.ANXIETY, 0.55, "焦虑"),
            zh(Kind.ANXIETY, 0.5, "不知道怎么办|完了完了|我完了|这下完了|钱没了|钱不见了|钱丢了"),
            zh(Kind.ANXIETY, 0.45, "着急|慌|求求|求你们|睡不着|血汗钱|养老钱|救命钱|全部积蓄|所有积蓄|害怕"),
            zh(Kind.ANXIETY, 0.4, "担心|紧急|很急|好急|急急|急需"),
            zh(Kind.ANXIETY, 0.35, "怎么办|急用"),
            zh(Kind.ANXIETY, 0.3, "不见了|求助"),
            zh(Kind.ANXIETY, 0.2, "(?<!恐|哪|只)怕")
    );

    private static final Prefilter PREFILTER = Prefilter.of(LEXICON.stream().map(Cue::pattern).toList());

    private static final Pattern INTENSIFIER_EN = Pattern.compile("\\b(?:very|so|really|extremely|totally|absolutely|completely|incredibly|super|utterly|fucking|bloody|truly|seriously|such|beyond|too|most)\\s+(?:\\w+\\s+)?$");
    private static final Pattern DIMINISHER_EN = Pattern.compile("\\b(?:a bit|a little|little bit|slightly|kind of|kinda|somewhat|a tad|mildly|a touch)\\s+(?:\\w+\\s+)?$");
    private static final Pattern NEGATION_EN = Pattern.compile("\\b(?:not|no|never|without|nothing to|don'?t|dont|isn'?t|wasn'?t|aren'?t|didn'?t|won'?t|nor)\\s+(?:\\w+\\s+)?$");
    private static final Pattern INTENSIFIER_ZH = Pattern.compile("(?:太|非常|真的|真是|特别|超级|极其|十分|好|简直|实在|超|巨|相当|很|快)$");
    private static final Pattern DIMINISHER_ZH = Pattern.compile("(?:有点|有些|稍微|略微|略|一点|有一点|一些)$");
    private static final Pattern NEGATION_ZH = Pattern.compile("(?:不|没|别|无需|不用|不必|毫不|并不|不要)$");

    private static final Pattern EXCLAMATIONS = Pattern.compile("!{2,}|!\\?|\\?!");
    private static final Pattern QUESTIONS = Pattern.compile("\\?{2,}");
    private static final Pattern REPEATED = Pattern.compile("\\b(?:again|yet again|once again|every (?:single )?time|always the same|still)\\b|又|还是|一直|每次|老是|总是");
    private static final Pattern CAPITALS = Pattern.compile("\\b[A-Z]{3,}\\b");
    /** Capitals that are names, not shouting. */
    private static final Set<String> ACRONYMS = Set.of("ATM", "PIN", "SMS", "OTP", "USD", "CNY", "RMB", "EUR", "GBP", "HKD", "JPY", "IBAN", "SWIFT", "CVV", "KYC", "USB", "VIP", "FAQ", "APP", "LPR", "ICBC", "HSBC", "AML", "NFC", "QR", "SIM", "ETF", "IPO", "CEO", "PDF", "URL", "API", "BIC", "UK", "USA", "POS", "CDS", "FX", "ID", "AI", "DAN");
    private static final Pattern WORDS = Pattern.compile("[A-Za-z]{2,}");

    private EmotionDetector() {
    }

    public static Emotion assess(String text) {
        if (text == null || text.isBlank()) {
            return Emotion.NONE;
        }
        NormalisedText normalised = NormalisedText.of(text);
        String lower = normalised.flat();
        Map<String, Double> cueWeights = new LinkedHashMap<>();
        Map<Kind, List<Double>> byKind = new EnumMap<>(Kind.class);
        BitSet candidates = PREFILTER.candidates(lower);
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            Cue cue = LEXICON.get(i);
            Matcher m = cue.pattern().matcher(lower);
            double best = 0;
            String word = null;
            while (m.find()) {
                double weight = cue.weight() * modifier(lower.substring(Math.max(0, m.start() - 24), m.start()), cue.chinese());
                if (weight > best) {
                    best = weight;
                    word = m.group();
                }
            }
            if (word != null && !cueWeights.containsKey(word)) {
                cueWeights.put(word, best);
                byKind.computeIfAbsent(cue.kind(), k -> new ArrayList<>()).add(best);
            }
        }
        double lexical = combine(new ArrayList<>(cueWeights.values()));
        double emphasis = emphasis(normalised.nfkc(), lower, lexical > 0);
        if (lexical == 0 && emphasis < 0.3) {
            return Emotion.NONE;
        }
        Kind kind = Kind.FRUSTRATION; // shouting without words is most often frustration
        double strongest = 0;
        for (Map.Entry<Kind, List<Double>> e : byKind.entrySet()) {
            double score = combine(e.getValue());
            if (score > strongest) {
                strongest = score;
                kind = e.getKey();
            }
        }
        double intensity = Math.min(1.0, Math.round((lexical + emphasis) * 100) / 100.0);
        return new Emotion(kind, intensity, List.copyOf(cueWeights.keySet()));
    }

    /** Strengthened, softened or cancelled by the words just before the cue. */
    private static double modifier(String before, boolean chinese) {
        if (chinese) {
            String near = before.length() > 3 ? before.substring(before.length() - 3) : before;
            if (NEGATION_ZH.matcher(near).find()) {
                return 0;
            }
            if (DIMINISHER_ZH.matcher(near).find()) {
                return 0.6;
            }
            return INTENSIFIER_ZH.matcher(near).find() ? 1.3 : 1.0;
        }
        String spaced = before.endsWith(" ") ? before : before + " ";
        if (NEGATION_EN.matcher(spaced).find()) {
            return 0;
        }
        if (DIMINISHER_EN.matcher(spaced).find()) {
            return 0.6;
        }
        return INTENSIFIER_EN.matcher(spaced).find() ? 1.3 : 1.0;
    }

    /** The strongest cue counts fully, each further one less: three mild words are not three times as upset. */
    private static double combine(List<Double> weights) {
        weights.sort((a, b) -> Double.compare(b, a));
        double[] share = {1.0, 0.6, 0.4, 0.25};
        double sum = 0;
        for (int i = 0; i < weights.size(); i++) {
            sum += weights.get(i) * share[Math.min(i, share.length - 1)];
        }
        return sum;
    }

    /** Exclamation and question runs, words in capitals, and "again" next to a complaint. */
    private static double emphasis(String nfkc, String lower, boolean hasCue) {
        double boost = 0;
        Matcher bangs = EXCLAMATIONS.matcher(lower);
        int longest = 0;
        while (bangs.find()) {
            longest = Math.max(longest, bangs.group().length());
        }
        if (longest >= 3) {
            boost += 0.2;
        } else if (longest == 2) {
            boost += 0.12;
        } else if (lower.indexOf('!') >= 0) {
            boost += 0.05;
        }
        if (QUESTIONS.matcher(lower).find()) {
            boost += 0.1;
        }
        int shouted = 0;
        Matcher caps = CAPITALS.matcher(nfkc);
        while (caps.find()) {
            if (!ACRONYMS.contains(caps.group())) {
                shouted++;
            }
        }
        int words = 0;
        Matcher w = WORDS.matcher(nfkc);
        while (w.find()) {
            words++;
        }
        if (shouted >= 4 || (shouted >= 2 && shouted * 2 >= words)) {
            boost += 0.25;
        } else if (shouted >= 2) {
            boost += 0.12;
        }
        if (hasCue && REPEATED.matcher(lower).find()) {
            boost += 0.1;
        }
        return boost;
    }

    private static Cue en(Kind kind, double weight, String words) {
        return new Cue(kind, weight, Pattern.compile("\\b(?:" + words + ")\\b"), false);
    }

    private static Cue zh(Kind kind, double weight, String words) {
        return new Cue(kind, weight, Pattern.compile("(?:" + words + ")"), true);
    }
}
