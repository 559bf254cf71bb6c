package com.northbridge.assistant.risk;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The language of scams, in two signals. AUTHORITY_PRESSURE is the pressure itself, whoever writes it: a
 * claimed police officer or court with a threat or a deadline, a "safe account", "your account will be
 * frozen", "don't tell the bank". FRAUD_REPORT is a customer describing a scam or a suspicious request:
 * someone asked for their SMS code, told them to move money, used their card. A police word alone is not
 * pressure ("do you check my ID with the public security bureau?"), nor is "urgent" ("I need cash urgently").
 */
final class ScamCues {

    private static final String AUTHORITY = "(?:police|policeman|policewoman|police officer|detective|cop|cops|public security(?: bureau)?|court|judge|prosecutor|procuratorate|interpol|fbi|cyber ?police|cybercrime (?:unit|department|police)|law enforcement|the authorities|tax (?:bureau|office|authority)|customs|anti-?money laundering (?:center|centre|department|bureau|unit|office)|state security|financial regulator)";
    private static final String THREAT = "(?:safe account|arrest(?:ed)?|warrant|wanted|jail|prison|prosecut(?:e|ed|ion)|criminal (?:case|charges|investigation)|suspect(?:ed)?|involved in|money laundering|laundering case|investigation|investigating|frozen|freeze|seize|confiscat(?:e|ed)|cooperate|don'?t tell|do not tell|keep (?:it|this) (?:a )?secret|confidential|immediately|right now|right away|within \\d+ (?:minutes|hours)|or else|otherwise)";
    private static final String ZH_AUTHORITY = "(?:公安局?|派出所|警察|民警|警官|刑警|网警|经侦|刑侦|检察院|检察官|法院|法官|公检法|国安|国家安全局|反洗钱中心|银保监会?|金融监管(?:局|总局)|社保局|医保局|税务局|海关)";
    private static final String ZH_THREAT = "(?:安全账户|涉嫌|涉案|洗钱|通缉|逮捕|拘留|拘捕|传唤|配合调查|调查|保密|不要告诉|不能告诉|别告诉|立即|马上|立刻|赶紧|否则|限期|冻结|资金清查|核查资金|转到|转入|坐牢|犯罪)";
    /** Before the authority only the unambiguous threats: "我马上去派出所报案" is a customer going to the police. */
    private static final String ZH_STRONG_THREAT = "(?:安全账户|涉嫌|涉案|洗钱案|通缉|逮捕|拘留|拘捕|传唤|配合调查|资金清查)";

    /** Pressure wherever it stands. */
    private static final List<Rule> PRESSURE = Rule.all(
            // A place to "protect" the money: no bank or police asks for this, so it is pressure on its own.
            Pattern.compile("\\b(?:safe|safety|secure|protected|government|police|regulatory|verification|holding account (?:of|set up by) the) account\\b|安全账户|安全账号|清查账户|国家账户|监管账户|保护账户|核查账户|资金清查|资金核查|清查资金"),
            Pattern.compile("\\b(?:i'?m|i am|this is|we are|we're) (?:a |an |the )?(?:officer |agent )?(?:from |with |of )?(?:the )?(?:police|police officer|detective|prosecutor|judge|cop|investigator|court|public security|procuratorate|interpol|fbi|tax bureau|bank(?:'s)? (?:manager|security|compliance|fraud (?:team|department))|branch manager|head office|northbridge (?:head office|security|compliance|it|fraud team|management)|your (?:boss|supervisor|manager|developer|administrator|admin|ceo))\\b"),
            Pattern.compile("\\b(?:or|otherwise|else) (?:your|the|my) (?:account|card|money|funds|assets|savings)s? (?:will|would|is going to|are going to|gets?|get) (?:be )?(?:frozen|blocked|closed|seized|suspended|confiscated|locked)\\b"),
            Pattern.compile("\\byour (?:account|card|money|funds|assets|savings)s? (?:will|'ll|is going to|are going to|would|is about to|are about to) be (?:frozen|blocked|closed|seized|suspended|confiscated|locked)\\b|\\b(?:said|says|told me|threatened|warned|claims?|claimed)(?: me)? (?:that )?(?:my|your) (?:account|card|money|funds|assets|savings)s? (?:will|would|is going to|are going to|was going to|were going to) be (?:frozen|blocked|closed|seized|suspended|confiscated|locked)\\b"),
            Pattern.compile("\\b(?:do it|do this|transfer|move|pay|send|act|respond|comply|confirm|answer|tell me|give me) (?:\\w+ ){0,3}(?:right now|immediately|at once|asap|within \\d+ (?:minutes|hours)),? (?:or else|otherwise|or (?:you|your|we|i'll|i will|they|it|the account))\\b|\\byou (?:only )?have (?:\\d+|one|two|three|five|ten|thirty) (?:minutes|hours) (?:to|before|or)\\b"),
            Pattern.compile("\\b(?:or else|otherwise|unless you (?:pay|comply|cooperate|transfer)|or) (?:you(?:'ll| will| would) be |be |get |you get |i get |i'll be |i will be |we get |i go to (?:jail|prison) |face )?(?:arrested|jailed|prosecuted|detained|arrest|jail|prison)\\b|\\b(?:don'?t|do not|must not) tell (?:anyone|anybody|the bank|bank staff|your family|the teller|the staff|your (?:wife|husband|children|kids|son|daughter)|the police)\\b(?! (?:your|my|the) (?:pin|password|code|otp))|\\bkeep (?:this|it) (?:a )?secret from\\b"),
            Pattern.compile("我是(?:你们)?(?:公安|警察|民警|警官|检察院|法院|派出所|公安局|刑警|网警|国安|银保监|人民银行|央行|税务局)|我是(?:你们)?(?:银行|北桥|总行|分行)(?:的)?(?:行长|经理|领导|工作人员|员工|内部人员|风控|安全部|技术人员|管理员)"),
            Pattern.compile("(?:否则|不然|要不然|如果不|若不|再不)[^。!?]{0,15}(?:冻结|封停|封号|逮捕|拘留|坐牢|抓(?:你|人|起来)|通缉|追究(?:你的)?(?:法律|刑事)责任)(?![^。!?]{0,6}[吗么呢?])"),
            Pattern.compile("(?:\\d+|[一二三两半十])(?:个)?(?:小时|分钟)(?:之内|以内|内)(?:必须|务必|要|得)(?:转|汇|打款|处理|完成|缴纳|还清)|(?:今天|今日|当天|马上|立即|立刻)(?:之内|以内|内)?(?:必须|务必|一定要)(?:转|汇|打款|付|缴)"),
            // A "designated account" to pay into, or padding the account history: how loan and refund scams ask for money.
            Pattern.compile("(?:转|汇|打|存)[^。!?,，]{0,10}(?:到|进|入)(?:一个|对方)?(?:指定|安全|对方指定的|他们指定的|验证|监管)(?:的)?(?:账户|账号|卡)|刷流水|\\b(?:pay|transfer|send|move|wire)\\b[^.!?]{0,40}\\bto (?:a|the|their) (?:designated|specified|nominated|verification|holding) account\\b"),
            Pattern.compile("(?:对方|他|他们|她|骗子|那人|那个人|来电|电话里)(?:说|让我|要求我|叫我|要我|嘱咐我|交代我)[^。!?]{0,12}(?:不要|不能|别|不许|不准)(?:告诉|跟|和|让)(?:任何人|家人|家里人|银行|柜员|工作人员|其他人|别人|警察)")
    );

    /** An authority next to a threat: pressure, unless the customer asks what an authority may do to them. */
    private static final List<Rule> AUTHORITY_WITH_THREAT = Rule.all(ScamCues::consequenceQuestion,
            Pattern.compile("\\b" + AUTHORITY + "\\b[^.!?]{0,120}?\\b" + THREAT + "\\b|\\b" + THREAT + "\\b[^.!?]{0,60}?\\b" + AUTHORITY + "\\b"),
            Pattern.compile(ZH_AUTHORITY + "[^。!?]{0,30}?" + ZH_THREAT + "|" + ZH_STRONG_THREAT + "[^。!?]{0,20}?" + ZH_AUTHORITY)
    );
    /** "will the court freeze my account if I don't pay?", "逾期了法院会冻结我的账户吗": a question about the rules. */
    private static final Pattern CONSEQUENCE_QUESTION = Pattern.compile(
            "\\b(?:will|would|can|could|does|do|might|may|is it true)\\b[^.!?]{0,30}\\b(?:police|court|judge|authorities|tax bureau|customs|public security)\\b[^.!?]{0,60}\\?"
            + "|(?:会不会|是否|有没有|能不能|可不可以)[^。!?]{0,12}(?:冻结|起诉|坐牢|逮捕|拘留|调查|查|通缉|核对)"
            + "|(?:会|能|可以)[^。!?]{0,12}(?:冻结|起诉|坐牢|逮捕|拘留|调查|查|通缉|核对)[^。!?]{0,10}(?:吗|么|\\?)");

    private static final List<Rule> FRAUD = Rule.all(
            // Changed payment details, "guaranteed" returns, a customer's own doubt: the shapes of common frauds.
            Pattern.compile("\\b(?:emailed|sent|texted|messaged|gave)(?: me)? (?:new|changed|updated|different) (?:bank|account|payment|banking) details\\b|\\b(?:bit|kinda|a bit|seems|looks|sounds|is this|is that|feels) (?:sus|suspicious|fishy|dodgy|sketchy|shady)\\b|\\bguaranteed (?:returns?|profits?|income)\\b|\\b(?:can'?t|cannot|never) lose\\b|\\brisk-?free (?:returns?|profits?|investment)\\b|\\b\\d+ ?% (?:a|per|every) (?:day|week|month)\\b"),
            Pattern.compile("稳赚不赔|保本保息高收益|高额回报|刷单|带单|投资老师|荐股老师|内幕消息|境外平台|(?:让我|叫我|要我)把(?:钱|资金|存款|积蓄)转到(?:一个)?(?:境外|海外|指定|安全|陌生|他们的?|对方的?)"),
            Pattern.compile("\\b(?:someone|somebody|a (?:man|woman|guy|lady|person|caller|stranger|girl|boy|number|text|message|call)|the (?:caller|man|woman|guy|person|seller|buyer|lady)|caller|stranger|scammer|fraudster|he|she|they|an? (?:sms|email|phone call))\\b[^.!?]{0,80}?\\b(?:asked|asking|asks|wants|wanted|requested|requesting|demanded|demanding|pressuring|pressured|pushing|urging|keeps asking|kept asking|tried to get|trying to get|got me to|made me|convinced me)\\b[^.!?]{0,40}?\\b(?:code|otp|password|pin|cvv|card details|card number|passcode|security number|login details|verification)\\b"),
            Pattern.compile("\\b(?:told|asked|instructed|wants|wanted|asking|telling|urged|pressured|convinced|made|getting) me to (?:move|transfer|send|put|wire|deposit|pay)\\b[^.!?]{0,50}?\\b(?:safe|secure|safety|new|protected|government|police|special|holding|another|different) (?:account|card|wallet)\\b"),
            Pattern.compile("\\b(?:told|asked|instructed|wants|wanted|urged|pressured|convinced|made) me to (?:buy gift cards|share (?:my )?screen|give (?:him|her|them) remote(?: access)?|install (?:a )?remote|read (?:out )?(?:the|my) code)\\b"),
            Pattern.compile("\\b(?:i(?:'ve| have)? (?:been|got|was|were|am being|think i(?:'ve| have)? been|might have been) (?:scammed|defrauded|conned|tricked|swindled|hacked|phished|cheated|duped)|defrauded|phishing|spoofed|impersonat(?:ing|ed|or)|posing as|pretending to be (?:from )?(?:the bank|northbridge|you|police|a bank)|claim(?:ed|ing|s)? to be from|said (?:he|she|they) (?:was|were|is|are) from|saying (?:he|she|they)(?:'?s| is| was| were| are) from|fake (?:call|text|sms|email|website|link|app|bank|officer|police|caller|customer service))\\b"),
            Pattern.compile("\\b(?:is|was) (?:this|that|it) (?:call |text |message |email )?(?:really )?(?:real|legit|legitimate|genuine|a scam|fake|from you|you|from northbridge)\\b(?=[^.!]{0,40}(?:\\?|scam|fake|call|text|message|email|phone))|\\b(?:real|legit|genuine) or (?:a )?(?:scam|fake|fraud)\\b"),
            Pattern.compile("\\b(?:someone|somebody) (?:has )?(?:used|stole|stolen|hacked|accessed|took|taken|cloned|copied|got into|emptied|drained) (?:my|into my) (?:card|account|details|identity|money|phone|savings|credit card|debit card)\\b|\\b(?:stolen|hacked|compromised|cloned|skimmed) (?:card|account|details|card details|phone)\\b|\\btransactions? (?:that )?i (?:didn'?t|did not|never) (?:make|made|authori[sz]e)\\b|\\b(?:unauthori[sz]ed|fraudulent|suspicious|unrecogni[sz]ed) (?:transactions?|charges?|payments?|withdrawals?|transfers?|debits?|activity|logins?)\\b|\\bi (?:didn'?t|did not|don'?t|do not) (?:make|recogni[sz]e|authori[sz]e) (?:this|that|these|a|the) (?:transaction|payment|charge|transfer|withdrawal)"),
            Pattern.compile("被骗|受骗|上当|诈骗|骗了|骗走|被盗刷|盗刷|被盗|冒充|自称(?:是)?(?:银行|你们|北桥|客服|公安|警察|民警|法院|检察院|工作人员)|假冒|钓鱼(?:网站|链接|短信)|(?:是真的还是|真的假的|是不是|会不会)(?:是)?(?:假的|骗子|诈骗|骗局)"),
            Pattern.compile("(?:有人|有个人|对方|一个人|一个男的|一个女的|陌生人|陌生电话|陌生号码|来电|客服|他|她|那人|那个人)[^。!?]{0,20}(?:让我|叫我|要我|要求我|问我要|跟我要|找我要|向我要|骗我|让我把|叫我把)[^。!?]{0,20}(?:验证码|密码|转账|转钱|打钱|汇款|转到|转入|屏幕共享|共享屏幕|点链接|卡号|cvv|安全码)"),
            Pattern.compile("验证码被(?:人|他|她|对方|骗子)?(?:要|骗|拿|套)|把(?:收到的|短信)?验证码(?:告诉|给|报给|念给|发给)|(?:说是|自称是?|声称是?)[^。!?]{0,10}(?:银行|你们|北桥|客服|公安|警察|工作人员)的?[^。!?]{0,30}(?:验证码|密码|转账|核实|安全账户)|不是我(?:本人)?(?:操作|转|刷|消费|买|登录)的|莫名(?:其妙)?(?:地)?(?:被)?(?:扣|转走|划走|少)了?(?:\\d+|好几|几)?(?:千|万|百)?(?:块|元)?(?:钱|款)")
    );

    /** "Scam" is also what angry customers call the bank or its fees: that is a complaint, not a report. */
    private static final Pattern SCAM_AS_INSULT = Pattern.compile("\\b(?:bank|you|your|fees?|charges?|service|northbridge|this|interest|rates?)\\b[^.!?]{0,15}\\bscam(?:s|mers?)?\\b(?!med)|\\bscam (?:bank|artists? bank)\\b");
    private static final Pattern SWINDLER_AS_INSULT = Pattern.compile("(?:你|你们|银行|北桥)(?:就|都|真|简直|根本)?(?:是)?(?:一(?:个|群|帮|伙)|个|群)?骗子|骗子银行");

    static final List<Rule> AUTHORITY_PRESSURE = Rule.concat(PRESSURE, AUTHORITY_WITH_THREAT);
    static final List<Rule> FRAUD_REPORT = Rule.concat(FRAUD,
            Rule.all(text -> SCAM_AS_INSULT.matcher(text).find(), Pattern.compile("\\bscam(?:s|med|mer|mers)?\\b")),
            Rule.all(text -> SWINDLER_AS_INSULT.matcher(text).find(), Pattern.compile("骗子")));

    private ScamCues() {
    }

    private static boolean consequenceQuestion(String text) {
        return CONSEQUENCE_QUESTION.matcher(text).find();
    }
}
