package com.northbridge.assistant.chat;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Deterministic intent rules for Chinese and English. Order matters and is the policy: a request for a
 * person wins over everything, a complaint over a question, an action (transfer, balance, form) over a
 * question about the rules of that action ("what is the transfer limit?" is a question, "transfer 500 to
 * Li Lei" is an action).
 */
public final class IntentClassifier {

    private static final Pattern HANDOFF = p(
            "转人工|人工客服|人工服务|找人工|真人|客服人员|接人工|要人工|叫人工|找客服|人工坐席",
            "\\b(human|real person|live agent|an agent|a person|someone real|operator|representative|speak to (someone|somebody|a person|staff)|talk to (someone|somebody|a person|staff|a human))\\b");
    private static final Pattern COMPLAINT = p(
            "投诉|举报|太差劲|太差了|垃圾银行|气死|忍无可忍|什么破|坑人|骗子银行|态度恶劣|不满意|要求赔偿|讨个说法",
            "\\b(complain(t)?|unacceptable|ridiculous|disgusting|worst bank|terrible service|scam bank|rip[- ]?off|fed up|furious|outrageous|compensation)\\b");
    private static final Pattern GREETING = p(
            "^(你好|您好|嗨|哈喽|早上好|下午好|晚上好|在吗|在不在|hello)[!！。.~～?？\\s]*$",
            "^(hi|hello|hey|good (morning|afternoon|evening)|hiya|yo)( there)?[!.?\\s]*$");
    private static final Pattern OUT_OF_SCOPE = p(
            "股票|炒股|哪只基金|推荐.*基金|基金推荐|买什么理财能赚|比特币|虚拟货币|彩票|天气|笑话|菜谱|工商银行|建设银行|农业银行|招商银行|中国银行|其他银行|别的银行|写一首|写首诗|翻译一下",
            "\\b(stock tips?|which stocks?|shares? to buy|bitcoin|crypto|lottery|weather|joke|recipe|poem|other banks?|icbc|hsbc|citibank|bank of china|which fund should|horoscope|football|movie)\\b");
    private static final Pattern BALANCE = p(
            "余额|还剩多少钱|还有多少钱|账上有多少|卡里有多少|交易记录|交易明细|流水|收支明细|最近的交易|查一下我的账户|账户明细",
            "\\b(balance|how much (money )?(do i have|is (in|on) my)|recent transactions|transaction history|statement of my|what's in my account|spent last|last (few )?transactions)\\b");
    private static final Pattern FORM = p(
            "表单|填表|填写|表格|申请表|帮我检查|校验|这样填",
            "\\b(form|fill (in|out)|filling in|check my (details|application)|validate|is this (iban|card number|id number) (valid|right|correct))\\b");
    private static final Pattern TRANSFER_WORD = p(
            "转账|转给|转钱|打钱|汇款|汇给|打给|付给|转一下|转过去|帮我转|我要转|我想转|给\\p{IsHan}{1,4}转|转\\s*\\d|转[一二两三四五六七八九十百千万]",
            "\\b(transfer|send|wire|pay|remit|move)\\b");
    /** Words that make a transfer message a question about rules, not a request. */
    private static final Pattern RULE_QUESTION = p(
            "限额|手续费|多久|多长时间|到账时间|能不能|可不可以|可以吗|怎么|如何|为什么|规定|上限|最多|收费|费用|撤回|撤销|吗[？?]?$",
            "\\b(limit|limits|fee|fees|cost|how long|how much can|how do|how can|can i|why|rule|rules|maximum|max|charge|charges|cancel|what happens|is it possible|arrive)\\b");
    private static final Pattern REQUEST_MARKER = p(
            "帮我|我要|我想|请|麻烦",
            "\\b(please|i want to|i'd like to|i would like to|can you|could you|i need to)\\b");

    private IntentClassifier() {
    }

    public static Intent classify(String message) {
        String text = message.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (HANDOFF.matcher(lower).find()) {
            return Intent.HANDOFF;
        }
        if (GREETING.matcher(lower).find()) {
            return Intent.GREETING;
        }
        if (COMPLAINT.matcher(lower).find()) {
            return Intent.COMPLAINT;
        }
        if (OUT_OF_SCOPE.matcher(lower).find()) {
            return Intent.OUT_OF_SCOPE;
        }
        Slots slots = SlotExtractor.extract(text, java.time.LocalDate.now());
        boolean transferWord = TRANSFER_WORD.matcher(lower).find();
        boolean ruleQuestion = RULE_QUESTION.matcher(lower).find();
        boolean request = REQUEST_MARKER.matcher(lower).find();
        if (transferWord && (slots.amount().isPresent() || slots.payee().isPresent()) && (!ruleQuestion || request && !lower.contains("limit") && !lower.contains("限额"))) {
            return Intent.TRANSFER;
        }
        if (BALANCE.matcher(lower).find()) {
            return Intent.BALANCE;
        }
        if (FORM.matcher(lower).find()) {
            return Intent.FORM_HELP;
        }
        if (transferWord && request && !ruleQuestion) {
            return Intent.TRANSFER;
        }
        return Intent.PRODUCT_QUESTION;
    }

    private static Pattern p(String chinese, String english) {
        return Pattern.compile("(?:" + chinese + ")|(?:" + english + ")", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

}
