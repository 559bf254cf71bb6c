package com.northbridge.assistant.risk;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Messages about someone other than the customer: acting for them (IMPERSONATION) and asking for their data
 * (OTHER_CUSTOMER_DATA). Both need a person and an act: "my father" alone is a customer's story ("my dad is
 * 67, does he pay for the texts?"), "check my father's balance" is a request for his data. A question about
 * what the rules for acting for someone are ("can my daughter sort things out at the branch, what does she
 * need?") is answered from the documents, so it is not impersonation.
 */
final class ThirdPartyRequests {

    // ---- who ------------------------------------------------------------------------------------------------
    private static final String RELATIVE = "(?:father|dad|daddy|mother|mom|mum|mummy|mommy|parents?|wife|husband|spouse|partner|son|daughter|kids?|child|children|brother|sister|sibling|grandma|grandpa|grandmother|grandfather|grandparents?|granny|grandson|granddaughter|uncle|aunt|auntie|cousin|nephew|niece|friend|boss|manager|colleague|co-?worker|employer|employee|client|neighbou?r|girlfriend|boyfriend|fianc[eé]e?|ex|ex-wife|ex-husband|father-in-law|mother-in-law|in-laws|landlord|tenant|room-?mate|flat-?mate|relative|family member|old man|old lady|stepfather|stepmother|stepson|stepdaughter)";
    private static final String ELDER = "(?:(?:elderly|old|sick|late|disabled|deaf|blind) )?";
    /** Words that take "'s" without being a person: "today's balance", "the bank's fee", "what's". */
    private static final String NOT_A_NAME = "(?:my|our|your|the|a|an|this|that|its|it|what|who|where|how|there|here|let|he|she|today|yesterday|tomorrow|last|next|month|week|year|day|bank|northbridge|app|card|account|company|business|shop|store|visa|mastercard|unionpay|alipay|wechat|china|world|people|everyone|children|men|women|one|transfer|payment|loan|deposit)";
    /** A named person: "li lei's", "john's". */
    private static final String NAMED = "(?:(?!" + NOT_A_NAME + "\\b)[a-z]+ )?(?!" + NOT_A_NAME + "'s)[a-z]+'s";
    /** Whose data: a relative, he or she, a named person, or another customer. */
    private static final String OWNER = "(?:(?:my|our) " + ELDER + RELATIVE + "'s|" + RELATIVE + "'s|his|her|their|someone else's|somebody else's|another (?:person|customer|client|user)'s|other (?:people|customers|clients|users)'s?|other people's|this (?:person|guy|man|woman|customer|lady)'s|that (?:person|guy|man|woman|customer|lady)'s|the (?:account ?holder|card ?holder|account owner|customer|client|victim|payee|recipient|sender)'s"
            + "|" + NAMED + ")";
    /** Whose data, when the owner comes after the data ("the balance of li lei's account"): "their" there is usually a payee. */
    private static final String NAMED_OWNER = "(?:(?:my|our) " + ELDER + RELATIVE + "'s|" + RELATIVE + "'s|someone else's|somebody else's|another (?:person|customer|client|user)'s|other (?:people|customers|clients|users)'s?|the (?:account ?holder|card ?holder|account owner|customer|client|victim)'s|" + NAMED + ")";
    private static final String DATA = "(?:balances?|transactions?|(?:card )?payments|transfers|activity|transaction history|transfers? history|statements?|spending|purchases|payments? history|card numbers?|card details|card info|cvv|account numbers?|account details|account info(?:rmation)?|bank details|iban|sort code|id numbers?|id card|identity (?:card|number)|passport(?: number)?|phone numbers?|mobile numbers?|(?:home )?address|pin|password|login|credentials|credit limit|credit score|credit report|loans?|debts?|salary|income|deposits?|savings|personal (?:info|information|details|data)|details|information|records|money|funds|accounts?|assets)";
    private static final String ASK = "(?:what(?:'s| is| are| was| were|s)|how much (?:money )?(?:is|'s|are) (?:left )?(?:in|on)|go through|tell me|show(?: me)?|give me|send me|read (?:me|out)|check|look up|looking up|find(?: out)?|pull up|get me|list|access|see|view|(?:want|need|like) to know|print|display|look at|look into|monitor|check on|how much (?:is|are) (?:in|on))";

    private static final String ZH_RELATIVE = "(?:爸爸?|妈妈?|父亲|母亲|老爸|老妈|老公|老婆|丈夫|妻子|爱人|媳妇|儿子|女儿|孩子|哥哥?|姐姐?|弟弟?|妹妹?|爷爷|奶奶|外公|外婆|姥姥|姥爷|公公|婆婆|岳父|岳母|男朋友|女朋友|男友|女友|前妻|前夫|朋友|同事|老板|领导|邻居|亲戚|家人|室友|房东|租客|客户)";
    /** Common surnames, leaving out those that are everyday words too (余 in 余额, 高, 金, 万); a name only counts after 查 or 告诉我. */
    private static final String ZH_NAME = "(?:[王李张刘陈杨黄赵吴周徐孙马朱胡郭罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范廖贾韦邹孟熊秦邱尹薛闫段雷侯龚邵覃戴孔汤]\\p{IsHan}{1,2})";
    private static final String ZH_OWNER = "(?:他们|她们|他|她|别人|他人|其他(?:客户|人|用户)|别的(?:客户|人|用户)|这个(?:人|客户|用户)|那个(?:人|客户|用户)|这位(?:客户|先生|女士)|对方|某人|(?:我的?)?" + ZH_RELATIVE + ")";
    private static final String ZH_DATA = "(?:余额|流水|交易记录|交易明细|账单|消费记录|转账记录|收支(?:明细)?|存款|资产|银行卡号|卡号|账号|身份证号码?|身份证|证件号码?|手机号码?|电话号码|电话|住址|地址|家庭住址|密码|工资|收入|贷款|欠款|征信|开户信息|个人信息|资料|信息|钱|开户行|户名|名下的?(?:账户|卡|资产|房产))";
    private static final String ZH_ASK = "(?:查|查查|查询|查看|查到|查出|看看|看一下|看下|告诉我|告知|发我|发给我|给我看|念给我|报给我|调出|调取|打印|导出|透露|想知道)";

    // ---- acting for someone ---------------------------------------------------------------------------------
    static final List<Rule> IMPERSONATION = Rule.all(ThirdPartyRequests::rulesQuestion,
            Pattern.compile("\\b(?:i'?m |i am |am |we are |we're |im )?(?:calling|ringing|phoning|writing|messaging|contacting you|chatting|here|texting|reaching out|emailing)(?: up| in)? (?:for|on behalf of|in place of|instead of) (?:my|our|a|the) " + ELDER + RELATIVE + "\\b"),
            Pattern.compile("\\bon behalf of (?!(?:my |our |the )?(?:own |small )?(?:company|business|firm|organi[sz]ation|shop|store|self|myself|ourselves)\\b)(?:my |our |a |the |mr\\.? |mrs\\.? |ms\\.? |miss |dr\\.? )?\\w+"),
            Pattern.compile("\\b(?:my|our) " + ELDER + RELATIVE + " (?:asked|wants|wanted|told|needs|needed|has asked|would like|sent|got) me to (?:check|look|find|see|get|access|transfer|move|send|change|close|open|reset|unlock|update|handle|sort|deal|manage|withdraw|cancel|query|ask|confirm|verify|report|activate|block|freeze|unfreeze|call|contact|pay|apply)\\b"),
            Pattern.compile("\\b(?:i'?m|i am|this is|it'?s) (?:his|her|their|the (?:account ?holder|card ?holder|customer|account owner)'s|" + NAMED + ") (?:son|daughter|wife|husband|partner|brother|sister|father|mother|dad|mum|mom|assistant|personal assistant|pa|ea|executive assistant|secretary|lawyer|accountant|representative|guardian|carer|caregiver|nurse|agent|nephew|niece|grandson|granddaughter|friend|boyfriend|girlfriend|fianc[eé]e?|relative|spouse|colleague|employee|driver)\\b"),
            Pattern.compile("\\b(?:he|she|they) (?:asked|wants|wanted|told|needs|needed|has asked|would like) me to (?:check|go through|look|find|see|get|access|transfer|move|send|change|close|open|reset|unlock|update|handle|sort|deal|manage|withdraw|cancel|set up|make|pay|confirm|verify|activate|block|freeze|unfreeze)\\b"),
            Pattern.compile("\\b(?:pay|transfer|send|move|withdraw|take|set up a payment|make a payment|wire)\\b[^.!?]{0,50}\\b(?:from|out of|using|with) (?:his|her|their|(?:my|our) " + ELDER + RELATIVE + "'s|" + NAMED + ") (?:\\w+ )?(?:account|card|savings|money)\\b"),
            Pattern.compile("\\bacting (?:for|on behalf of) (?!myself|my own)\\w+"),
            Pattern.compile("\\b(?:log ?(?:in|into|on)|sign ?(?:in|into|on)|get into|access|use|using|open|operate) (?:to |as |into )?(?:my |our )" + ELDER + RELATIVE + "'s (?:account|card|app|online banking|mobile banking|login|details|id|phone|banking)\\b"),
            Pattern.compile("\\bpretend(?:ing)? to be (?:my |his |her |their |the )(?:" + RELATIVE + "|account ?holder|card ?holder|customer)\\b"),
            Pattern.compile("\\b(?:reset|unlock|unblock|change|update|close|cancel|freeze|unfreeze|access|sort out|deal with|manage|transfer (?:money )?(?:from|out of)|withdraw (?:money )?from)(?: \\w+){0,4} (?:for|of|on) (?:my|our) " + ELDER + RELATIVE + "(?:'s (?:account|card))?\\b"),
            Pattern.compile("我(?:是)?(?:替|代|帮|代表|代替)(?:我的?)?(?:" + ZH_RELATIVE + "|他|她)(?:来)?(?:问|查|办|转|改|处理|操作|咨询|打电话|打|挂失|解冻|解锁|开|取|销户|注销|申请|看|联系|弄|重置|找回)"),
            Pattern.compile("(?:替|代|帮|代表|代替)(?:我的?)(?:" + ZH_RELATIVE + ")(?:来)?(?:问|查|办|转|改|处理|操作|咨询|挂失|解冻|解锁|开|取|销户|注销|申请|看|联系|弄|重置|找回)"),
            Pattern.compile("(?:(?:我的?)?" + ZH_RELATIVE + "|他|她)(?:让|叫|要|托|请|委托|拜托)我(?:来)?(?:帮(?:他|她)|替(?:他|她)|给(?:他|她))?(?:问|查|办|转|改|处理|操作|咨询|打|挂失|看|联系|开通|注销|取|解冻|解锁|弄|重置|找回)"),
            Pattern.compile("我是(?:他|她|户主|持卡人|卡主|账户本人|开户人|" + ZH_NAME + ")的?(?:儿子|女儿|老婆|妻子|丈夫|老公|爱人|家人|秘书|助理|亲属|朋友|父亲|母亲|爸爸|妈妈|哥哥|姐姐|弟弟|妹妹|孙子|孙女|律师|监护人|代理人|同事|亲戚)"),
            Pattern.compile("受(?:我的?)?(?:" + ZH_RELATIVE + "|他|她|本人|户主|客户)?的?委托|代(?:他|她|" + ZH_RELATIVE + ")(?:办理|查询|操作|转账|申请)|代为(?:办理|查询|操作|转账|申请)|代办|代查"),
            Pattern.compile("用(?:我的?)?(?:" + ZH_RELATIVE + "|他|她)的(?:账号|账户|手机银行|网银|手机|身份证|卡|银行卡|密码)(?:来)?(?:登录|登|转|查|操作|办|申请|开)"),
            Pattern.compile("(?:冒充|假装是|假扮)(?:他|她|户主|本人|持卡人|我的?" + ZH_RELATIVE + ")")
    );

    /** A question about what the rules for acting for someone are: answered from the documents. */
    private static final Pattern RULES_QUESTION = Pattern.compile(
            "\\b(?:can i|could i|may i|am i allowed|is it possible|is it allowed|are (?:family|relatives) allowed|can (?:my|he|she|they|a|someone|somebody|family|relatives)|could (?:my|he|she|they)|what (?:do|does|would|will) (?:i|he|she|they|we|my \\w+) (?:need|have to bring|bring)|what documents|do i need|does (?:he|she|my \\w+) need|is there a way|how (?:do|can|does|could) (?:i|he|she|my|we)|allowed to|permitted to|power of attorney|what'?s the (?:rule|policy|process|procedure)|what are the (?:rules|requirements))\\b"
            + "|能不能|可不可以|可以吗|能吗|行吗|行不行|可以不|能否|是否可以|允许|需要(?:带|准备|提供|什么|哪些|啥)|要带|要准备|带些?(?:啥|什么)|要(?:什么|啥|哪些)(?:材料|手续|证件|东西)|怎么办理|如何办理|有什么要求|什么手续|能[^。!?]{0,20}吗|可以[^。!?]{0,20}吗");
    /** ...unless the same message asks the assistant for the other person's data. */
    private static final Pattern DEMAND = Pattern.compile(
            "\\b(?:tell me|show me|give me|read me|send me|what(?:'s| is| are) (?:his|her|their)|check (?:his|her|their)|look up (?:his|her|their))\\b|告诉我|发给我|念给我|报给我|查一下(?:他|她)的|(?:他|她)的(?:余额|卡号|密码|账号|流水|交易)");

    // ---- someone else's data --------------------------------------------------------------------------------
    static final List<Rule> OTHER_CUSTOMER_DATA = Rule.all(
            Pattern.compile("\\b" + ASK + " (?:all |the |of )?" + OWNER + " (?:(?:bank |current |savings |credit |debit |new |old |latest |recent |last |full |home |mobile |phone |online )*(?:account|card) )?(?:(?:latest|recent|last|few|full|current|new|old|bank|home|mobile|daily|monthly|card|\\d+) ){0,3}" + DATA + "\\b"),
            Pattern.compile("\\b" + ASK + " (?:the |all |any )?(?:(?:latest|recent|last|full|current|bank|home|mobile) )*" + DATA + " (?:of|on|in|for|from|belonging to) (?:the )?(?:(?:my|our) " + ELDER + RELATIVE + "(?:'s)?|" + NAMED_OWNER + "|(?:account|card|customer|client|user|phone|mobile)(?: number)? ?\\d{4,}|(?:account ?holder|card ?holder|account owner|owner|holder)\\b)"),
            Pattern.compile("\\bhow much (?:money )?(?:does|did|has|is|do) (?:he|she|they|(?:my|our) " + ELDER + RELATIVE + "|someone else|another customer) (?:have|got|spend|spent|owe|earn|make|keep|left|in|on|saved|save|deposit)\\b"),
            Pattern.compile("\\b(?:access|get into|log ?in(?:to)?|see|view|check|look (?:at|into)|monitor|spy on|track|read) (?:the )?(?:(?:my|our) " + ELDER + RELATIVE + "'s|his|her|their|someone else's|somebody else's|another (?:person|customer)'s|other (?:people|customers)'s?) (?:bank |online |mobile )?(?:account|card|banking|transactions|statements)s?\\b"),
            Pattern.compile("\\b(?:other|all|another|every) (?:customers?|clients?|users?|account ?holders?)(?:'s|')? (?:data|details|information|info|balances?|accounts?|names|phone numbers|addresses|records|transactions|list)\\b|\\b(?:customer|client|user) (?:list|database|records)\\b|\\blist (?:of )?(?:all )?(?:your )?(?:customers|clients|account ?holders)\\b"),
            Pattern.compile("\\bwho (?:owns|is the (?:owner|holder) of) (?:the |this |that )?(?:account|card|number)\\b|\\b(?:whose|who's) (?:account|card) is (?:this|that|it)\\b|\\bname (?:of|on|behind) (?:the |this |that )?(?:account|card)(?: number)? ?\\d{4,}"),
            Pattern.compile(ZH_ASK + "(?:一下|一查|下)?(?:" + ZH_OWNER + "|" + ZH_NAME + ")的?(?:卡|账户|银行卡|账上|卡上|卡里|账户里)?的?" + ZH_DATA),
            Pattern.compile(ZH_ASK + "(?:一下|一查|下)?(?:" + ZH_OWNER + "|" + ZH_NAME + ")的?(?:账户|银行卡|卡|账号|账上|卡上)"),
            Pattern.compile("(?:查|查查|查询|查看|看看|看一下|告诉我|调出)(?:一下|下)?(?:尾号)?\\d{4,}(?:这个|那个|这张|那张)?(?:账户|卡|账号|银行卡)?的?(?:余额|流水|交易|明细|户名|姓名|信息|资料|记录)"),
            Pattern.compile(ZH_OWNER + "的?(?:卡|账户|账号|银行卡)?(?:里|上)?的?" + ZH_DATA + "(?:是多少|多少|是什么|有多少|还有多少|还剩多少|是哪|在哪|是啥|怎么查|能查吗|发我|给我看|[^。!?]{0,6}(?:帮我|给我|替我)?(?:看看|看一下|查查|查一下|查询|告诉我|说一下|念一下|发给我))"),
            Pattern.compile("(?:" + ZH_OWNER + "|" + ZH_NAME + ")的?(?:卡里|账户里|账上|卡上|名下)(?:有|还有|还剩|存了)(?:多少|几)"),
            Pattern.compile("(?:其他|别的|所有|全部)(?:客户|用户|人)的(?:信息|资料|余额|账户|手机号|电话|地址|身份证|交易|流水|名单)|客户(?:名单|列表|信息表|数据库)|(?:所有|全部)(?:客户|用户)(?:的)?(?:信息|资料|名单|手机号|余额)"),
            Pattern.compile("(?:客户|用户|户主|尾号)\\s*\\d{4,}\\s*的?(?:余额|流水|交易|信息|姓名|身份证|手机号|地址|资料)|(?:这个|那个)(?:卡号|账号|账户|手机号)(?:是谁的|的户主|的主人|的姓名|对应的?(?:人|姓名|户名))|(?:账号|卡号|手机号)\\s*\\d{6,}\\s*(?:是谁的|的户主|的姓名|的户名)")
    );

    private ThirdPartyRequests() {
    }

    private static boolean rulesQuestion(String text) {
        return RULES_QUESTION.matcher(text).find() && !DEMAND.matcher(text).find();
    }
}
