package com.northbridge.assistant.chat;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic intent rules for Chinese and English. Order matters and is the policy: a request for a
 * person wins over everything, a complaint over a question, a filled-in form over the transfer it
 * describes, an action (transfer, balance, form) over a question about the rules of that action ("what
 * is the transfer limit?" is a question, "transfer 500 to Li Lei" is an action).
 */
public final class IntentClassifier {

    private static final Pattern HANDOFF = p(
            "转人工|人工客服|人工服务|找人工|真人|客服人员|接人工|要人工|叫人工|找客服|人工坐席",
            "\\b(human|real person|live agent|an agent|a person|someone real|operator|representative|speak to (someone|somebody|a person|staff)|talk to (someone|somebody|a person|staff|a human)|put me through)\\b");
    private static final Pattern COMPLAINT = p(
            "投诉|举报|太差劲|太差了|垃圾|气死|忍无可忍|什么破|坑人|骗子银行|态度恶劣|态度极其恶劣|不满意|要求赔偿|讨个说法|干什么吃的|我要销户|欺人太甚|反馈一下|往上反映",
            "\\b(complain\\w*|unacceptable|ridiculous|disgusting|disgraceful|worst bank|terrible service|scam bank|rip[- ]?off|fed up|furious|outrageous|compensation"
                    + "|useless bank|sick of|this is a joke|closing (every|all|my) accounts?|going to the press|not satisfied|dissatisfied)\\b");
    private static final Pattern GREETING_WORD = p(
            "你好|您好|嗨|哈喽|哈啰|早上好|上午好|中午好|下午好|晚上好|早安|在吗|在不在|有人吗|呀|啊|哈|呢",
            "hi|hello|hey|hiya|yo|good (morning|afternoon|evening)|morning|there|anyone there");
    /** Never about our banking, whatever else the message says. */
    private static final Pattern OUT_OF_SCOPE = p(
            "天气|下雨|下雪|气温|笑话|菜谱|工商银行|建设银行|农业银行|招商银行|中国银行|交通银行|写一首|写首诗|小诗|翻译|球赛|比分|电影|彩票|比特币|虚拟货币|股票|炒股(?!.*(贷|借))",
            "\\b(stock tips?|which stocks?|shares? to buy|\\w+ stock\\b(?! market)|bitcoin|crypto|lottery|weather|joke|recipe|poem|icbc|hsbc|citibank|bank of china|horoscope|football|soccer|movie|homework|python|programming|dumplings?|restaurants?|places to eat)\\b");
    /** Out of scope only when nothing in the message is about our own products. */
    private static final Pattern OUT_OF_SCOPE_WEAK = p(
            "哪只基金|推荐.*基金|基金推荐|买什么理财能赚|其他银行|别的银行|其它银行",
            "\\b(other banks?|which fund should)\\b");
    private static final Pattern OWN_PRODUCT = p(
            "北桥|你们|贵行|随心贷|贷款|借记卡|信用卡|ATM|取钱|取现|手续费|收费|转账|存款|理财|账户",
            "\\b(northbridge|your (bank|app|card|atm)|easy loan|loan|debit card|credit card|atm|fee|charge|deposit|transfer|account)\\b");
    private static final Pattern BALANCE = p(
            "余额|还剩多少|还有多少钱|还有多少|账上.{0,4}多少|卡里.{0,4}多少|里面还有多少|户头.{0,4}多少|交易记录|交易明细|流水|收支明细|最近的交易|最近.{0,3}笔|笔交易|几笔转出|查一下我的账户|账户明细",
            "\\b(balance|how much (money )?(do i have|is (in|on|left)|have i got)|how much is left|left (on|in) (my|the)|recent transactions|transaction history|statement of my|what's in my account"
                    + "|what'?s (sitting )?in my|spent last|last (few |\\d+ )?transactions|my (last|recent) \\d* ?transactions|transactions on|(my|both|all) (my )?accounts?\\b.*\\b(balance|money))\\b");
    /** A form being checked: words for checking plus a form, or the fields themselves. */
    private static final Pattern FORM = p(
            "表单|填表|填写|表格|申请表|贷款表|转账单|帮我检查|检查一下|核对|校验|这样填|填得对不对|填对|填错|能不能提交|可以提交|能申请吗",
            "\\b(form|fill (in|out)|filling (in|this in)|check my (details|application)|validate|is this (iban|card number|id number) (valid|right|correct)"
                    + "|sanity check|before i (hit )?(submit|save)|check (this|it|them|the details)|is this right|does (it|this) (pass|look)|all good\\?)");
    /** "收款账号：6217…", "amount: 2000": a labelled field on a line of its own or after a separator. */
    private static final Pattern FIELD_LINE = Pattern.compile(
            "(?im)(?:^|[\\n|/，,;；])\\s*(?:[\\p{IsHan}]{2,8}|[a-z][a-z ]{1,24}?)\\s*(?:\\([a-z]+\\)|（[\\p{IsHan}]+）)?\\s*[:：]\\s*\\S"
                    + "|^[\\p{IsHan}]{2,6}[ \\t]+[^\\s:：]+[ \\t]*$");
    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![\\dA-Za-z])\\d{17}[\\dXx](?![\\dA-Za-z])");
    private static final Pattern TRANSFER_WORD = p(
            "转账|转给|转钱|转点钱|打钱|汇款|汇给|打给|付给|转一下|转过去|转到|帮我转|我要转|我想转|再转|给(?!我)[^，,。？?]{1,20}?(转|打|汇)(?!了)|把.{1,15}?(转|打|汇)(到|给)|往.{1,25}?(转|打|汇)|打.{0,10}过去"
                    + "|转\\s*[\\d¥￥$]|转[一二两三四五六七八九十百千万]",
            "\\b(transfer|send|wire|pay|remit|move)\\b");
    /** "send me a new card", "for my friend to send me money": sending that moves no money out of the customer's account. */
    private static final Pattern SEND_NOT_MONEY = Pattern.compile(
            "\\bsend(?:s|ing)? (?:me|us)\\b|\\bsend(?:s|ing)? (?:a |an |my |the |your |some )?(?:new |replacement |physical |virtual |another |spare |actual )?"
                    + "(?:cards?|refunds?|updates?|statements?|letters?|codes?|pins?|e-?mails?|links?|confirmations?|receipts?|details|copy|copies|forms?|documents?|texts?|sms|messages?|cheques?|checks?|mastercard|visa)\\b");
    /**
     * A transfer the customer already made or tried: "I made a transfer a few hours ago and it hasn't arrived",
     * "my transfer is still pending", "it keeps getting declined", "我昨天转的钱还没到账". Asking about it (even
     * with "please check") is a question about that transfer or a problem report, not a request for a new one.
     */
    private static final Pattern MADE_TRANSFER = p(
            "(?:我|刚才|刚刚|刚|昨天|前天|上午|下午|早上|晚上|今天|之前|上周|上个月|前几天|[一二两三几\\d]+(?:天|个?小时|分钟|周)前)[^，。,.？?！!]{0,10}?(?:转|汇|打|付)(?:了|过(?!去)|的|出去的|过去的)"
                    + "|(?:转账|汇款|转的钱|汇的钱|那笔钱|钱|款)[^，。,.？?！!]{0,6}?(?:还没|没有|没|一直没|迟迟没|怎么还没|还未|未|尚未)有?(?:到账|到|收到|转过去|显示|成功)"
                    + "|(?:对方|收款人|他|她|房东)说?还?(?:没|没有|未)(?:收到|到账)"
                    + "|(?:转账|汇款|付款)(?:记录)?(?:失败|被退回|被退|退回|被拒|显示|一直|还在|卡住|处理中|待审核|被冻结|被拦截|状态|进度|到哪|没成功|不成功|提示|报错|出错)"
                    + "|(?:转|打|汇)错(?:了|账|人|卡)?|(?:转|汇)不(?:了|出去|过去)|(?:转账|汇款)(?:时|的时候)?(?:提示|报错|出错|显示)"
                    + "|(?:撤回|撤销|取消|追回|退回)(?:那笔|这笔|刚才的|之前的|我的)?(?:转账|汇款)",
            "\\b(?:i|we)(?: have| had|'ve|'d)?(?: just| already| recently| only| actually)? (?:made|did|done|sent|transferred|wired|paid|remitted|moved|tried|attempted|initiated|started|submitted|completed|performed|scheduled|requested|set up)\\b"
                    + "|\\b(?:my|the|this|that|our|a|one of my)(?: \\w+){0,2} (?:transfers?|payments?|transactions?|remittances?|wires?|money)\\b[^.!?]{0,30}?\\b(?:pending|arrived?|received|goes through|going through|gone through|go through|went through|come through|showing|shown up|show up|reached|declined|rejected|refused|failed|bounced|reversed|returned|stuck|delayed|on hold|blocked|cancell?ed|completed?|processed|credited|missing|status|not possible|isn'?t (?:in|there|here|through))\\b"
                    + "|\\b(?:transfers?|payments?) (?:was |were |has |had |got |is |keeps (?:getting |being )?)?(?:still )?(?:declined|rejected|refused|failed|bounced|reversed|returned|cancell?ed|blocked|stuck|pending)\\b"
                    + "|\\b(?:declined|rejected|refused|blocked|cancell?ed|reversed|stopped) (?:my|the|a|this|our) (?:\\w+ )?(?:transfer|payment)|\\battempted (?:transfer|payment)"
                    + "|\\b(?:hasn't|has not|haven't|have not|hadn't|didn't|did not|doesn't|does not|don't|do not|never|still not|not yet|isn't|is not|wasn't|not)(?: \\w+)?(?: yet)? (?:arrived?|received|reached|appear(?:ed)?|shown up|show(?:n|ing)? up|show|showing|gone through|go through|going through|come through|been (?:credited|received|processed|completed))\\b"
                    + "|\\b(?:is|was|been|still|showing|shows|says|stays?) (?:as |on |in )?pending\\b|\\b(?:error|errors|keeps? (?:failing|getting|being|kicking|rejecting|saying|showing|declining))\\b"
                    + "|\\b(?:can'?t|cannot|couldn'?t|unable to|not able to)(?: \\w+)? (?:transfer|send|pay|wire|move|make|complete)\\b|\\b(?:trying|attempting|tried|attempted) to (?:make|do|send|transfer|pay|wire|move|complete)\\b"
                    + "|\\b(?:\\w+ )?(?:minutes?|hours?|days?|weeks?) ago\\b|\\b(?:to|into|in) (?:the )?wrong (?:account|person|recipient|payee|card|number)\\b"
                    + "|\\b(?:change|amend|edit|modify|stop|reverse|recall|undo|trace|track|chase|dispute|remove|delete)(?: \\w+){0,2} (?:transfers?|payments?|transactions?)\\b"
                    + "|\\b(?:status|progress) of (?:my|the|a|this|that) (?:\\w+ )?(?:transfer|payment)");
    /** ...unless the same message asks for a new one: "please transfer 500 to Li Lei", "再转5000给李雷". */
    private static final Pattern NEW_TRANSFER = p(
            "(?:帮我|请|麻烦|我要|我想|我需要)(?:再|重新|另外)?(?:给[^，。,？?]{1,12}?)?(?:转|汇|打)账?给?[^，。,？?了过的]{0,12}?(?:\\d|[一二两三四五六七八九十百千万]+(?:元|块|万|千))"
                    + "|再(?:转|汇|打)(?:\\d|[一二两三四五六七八九十百千万])"
                    + "|(?:^|[，。,.!！;；])(?:给[^，。,？?]{1,12}?)?(?:转|汇|打)(?:\\d|[一二两三四五六七八九十百千万]+(?:元|块|万|千))",
            "\\b(?:please|pls|can you|could you|can u|would you|will you|i want to|i'd like to|i would like to|i wanna|help me|let me)(?: now| also| just)? (?:transfer|send|wire|remit|pay|move)"
                    + " (?:another |a further |an extra |the same |(?:[a-z]+ ){1,2}(?=\\d))?(?:[¥$€£]|rmb |cny |usd )?\\d"
                    + "|(?:^|[.!?;,] ?)(?:now |then |also |and )?(?:transfer|send|wire|remit|pay|move) (?:another |a further |an extra )?(?:[¥$€£]|rmb |cny |usd )?\\d");
    /** Words that make a transfer message a question about rules, not a request. */
    private static final Pattern RULE_QUESTION = p(
            "限额|手续费|多久|多长时间|到账时间|能不能|可不可以|可以吗|怎么|如何|为什么|规定|上限|最多|收费|费用|撤回|撤销|吗[？?]?$|要报告|会不会",
            "\\b(limit|limits|fee|fees|cost|how long|how much can|how much (would|will|does|do)|how do|how can|can i|why|rule|rules|maximum|max|charge|charges|cancel|what happens|is it possible|arrive"
                    + "|what would|what does|what do|will (the bank|you|it|they|i)|would (i|he|she|they|it|that)|report(ed)?|if i|planning to)\\b");
    private static final Pattern REQUEST_MARKER = p(
            "帮我|我要|我想|请|麻烦",
            "\\b(please|pls|i want to|i'd like to|i would like to|can you|can u|could you|i need to)\\b");
    /** A bare "转账" or "send money": the customer starts a transfer and will be asked for the details. */
    private static final int SHORT_REQUEST_CHARS = 24;

    private IntentClassifier() {
    }

    public static Intent classify(String message) {
        String text = message.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (HANDOFF.matcher(lower).find()) {
            return Intent.HANDOFF;
        }
        if (isGreeting(lower)) {
            return Intent.GREETING;
        }
        if (COMPLAINT.matcher(lower).find()) {
            return Intent.COMPLAINT;
        }
        if (isFilledInForm(text, lower)) {
            return Intent.FORM_HELP;
        }
        if (OUT_OF_SCOPE.matcher(lower).find() && !mentionsLoanUse(lower)
                || OUT_OF_SCOPE_WEAK.matcher(lower).find() && !OWN_PRODUCT.matcher(lower).find()) {
            return Intent.OUT_OF_SCOPE;
        }
        Slots slots = SlotExtractor.extract(text, java.time.LocalDate.now());
        boolean moneyWord = TRANSFER_WORD.matcher(SEND_NOT_MONEY.matcher(lower).replaceAll(" ")).find();
        // "my transfer is still pending, can you check it?" asks about a transfer, it neither makes one nor fills in a form.
        boolean madeTransfer = moneyWord && aboutMadeTransfer(lower);
        boolean transferWord = moneyWord && !madeTransfer;
        boolean ruleQuestion = RULE_QUESTION.matcher(lower).find();
        boolean request = REQUEST_MARKER.matcher(lower).find();
        if (transferWord && (slots.amount().isPresent() || slots.payee().isPresent()) && (!ruleQuestion || request && !lower.contains("limit") && !lower.contains("限额"))) {
            return Intent.TRANSFER;
        }
        if (BALANCE.matcher(lower).find()) {
            return Intent.BALANCE;
        }
        if (FORM.matcher(lower).find() && !madeTransfer) {
            return Intent.FORM_HELP;
        }
        if (transferWord && !ruleQuestion && (request || text.length() <= SHORT_REQUEST_CHARS && !text.contains("?") && !text.contains("？"))) {
            return Intent.TRANSFER;
        }
        return Intent.PRODUCT_QUESTION;
    }

    /** A question about a transfer already made or tried, with no new transfer asked for in the same message. */
    private static boolean aboutMadeTransfer(String lower) {
        return MADE_TRANSFER.matcher(lower).find() && !NEW_TRANSFER.matcher(lower).find();
    }

    /** Only greeting words, particles, punctuation and emoji: "早上好呀～在吗", "hello! 👋". */
    private static boolean isGreeting(String lower) {
        String rest = GREETING_WORD.matcher(lower).replaceAll(" ");
        return rest.length() < lower.length() && rest.codePoints().noneMatch(Character::isLetterOrDigit);
    }

    /** "can the loan pay for stocks?" is a question about the loan's rules, not a stock tip. */
    private static boolean mentionsLoanUse(String lower) {
        return lower.matches("(?s).*(随心贷|贷款|借的钱|借出来|easy loan|the loan|loan money).*");
    }

    /**
     * A form pasted for checking: at least three labelled fields, or two with a word asking for a check, or
     * a resident ID number in a message that asks whether something is right.
     */
    private static boolean isFilledInForm(String text, String lower) {
        int fields = 0;
        Matcher m = FIELD_LINE.matcher(text);
        while (m.find()) {
            fields++;
        }
        boolean checking = FORM.matcher(lower).find() || lower.matches("(?s).*(有问题吗|对吗|行吗|对不对|帮我看看|帮看看|anything wrong|look ok|ok\\?).*");
        return fields >= 3 || fields >= 2 && checking || checking && RESIDENT_ID.matcher(text).find();
    }

    private static Pattern p(String chinese, String english) {
        return Pattern.compile("(?:" + chinese + ")|(?:" + english + ")", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

}
