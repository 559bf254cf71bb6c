package com.northbridge.assistant.risk;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Requests for a personal recommendation about products ("which fund should I buy?", "值得买吗"). The
 * assistant may explain the rules of a product but must not advise, so these are marked for sampling.
 * A question about the rules ("am I allowed to buy an R3 product with a C2 result?", "R1到R5是啥意思")
 * is not advice.
 */
final class AdviceRequests {

    private static final String PRODUCT = "(?:funds?|products?|cards?|accounts?|deposits?|investments?|plans?|options?|loans?|insurance|polic(?:y|ies)|stocks?|shares?|bonds?|wealth products?|term deposits?|certificates?|one)";

    static final List<Rule> PRODUCT_ADVICE = Rule.all(
            Pattern.compile("\\bshould (?:i|we) (?:buy|invest|put|get|choose|pick|go for|go with|take|sign up|open|switch|move my (?:money|savings)|sell|redeem|cash out|lock (?:my )?(?:money|savings))\\b"),
            Pattern.compile("\\bwhich (?:\\w+ )?" + PRODUCT + " (?:(?:is|are|would be|will be|'s) (?:the )?(?:best|better|good|right|most suitable|safest|highest|cheapest|more profitable|most profitable|for me)|should (?:i|we)|do you recommend|would you recommend|suits? me|fits? me|pays? (?:the )?(?:most|more|best)|gives? (?:me )?(?:the )?(?:best|highest|most))\\b"),
            Pattern.compile("\\b(?:is|are) (?:it|this|that|they|these|those|the \\w+(?: \\w+)?) (?:a )?(?:good|smart|wise|safe|sound) (?:investment|buy|idea to (?:buy|invest)|choice|option|deal|place (?:for|to put) my)\\b|\\bworth (?:buying|investing|getting|it|the money)\\b(?![^.!?]{0,20}\\b(?:fee|charge)s?\\b)"),
            Pattern.compile("\\bwhich (?:one |of (?:your|the|these|those) (?:\\w+ )?(?:products|funds|accounts|cards|options|deposits|plans|investments) )?would you (?:put|choose|pick|recommend|buy|go for|go with|invest in|suggest)\\b|\\bfor the (?:best|highest) (?:return|yield|interest)s?\\b"),
            Pattern.compile("\\bwhat (?:would|do|can) you (?:recommend|suggest|advise)\\b|\\b(?:recommend|suggest|advise)(?: me)? (?:a |an |the |some |any )?(?:good |best |safe |high[- ]yield |low[- ]risk )?(?:fund|product|investment|stock|deposit|card|plan|account|insurance|loan|wealth|where to (?:invest|put)|what to (?:buy|invest))\\b|\\b(?:any|your) (?:recommendations?|suggestions?|advice) (?:on|for|about) (?:which|what|a|an|the|investing|investments?|funds?|products?|where)\\b"),
            Pattern.compile("\\b(?:where|how|what) should i (?:invest|put|park|save|do with) (?:my )?(?:money|savings|bonus|cash|\\d+|\\w+ (?:bonus|savings))\\b|\\bwhere (?:is|would be) the best place to (?:put|invest|park|keep) my\\b"),
            Pattern.compile("\\b(?:best|highest|safest) (?:fund|investment|product|rate|deposit|card|account|return|yield|interest(?: rate)?)s? (?:for me|for my (?:money|savings|situation|age|needs)|i can get)\\b|\\bgood for (?:someone like )?me\\b|\\bhelp me (?:choose|pick|decide)\\b"),
            Pattern.compile("推荐(?:一下|一个|一款|几个|几款|些|个|点)?(?:理财|基金|产品|股票|存款|保险|信用卡|卡|贷款|投资|哪个|哪款|哪只|哪种|什么)|给我推荐|推荐(?:一个|一款|一只|几个|一下)?给我|有什么推荐|有推荐的|你推荐|推荐吗|(?:我|应该)?该(?:买|选|投|存)(?:哪|什么)"),
            Pattern.compile("买(?:哪个|哪款|哪只|哪种|什么)(?:好|比较好|划算|合适|收益高|赚钱)|(?:哪个|哪款|哪只|哪种|哪一个|哪一款)(?:更|比较|最)?(?:好|划算|合适|适合我|收益高|收益更高|赚钱|稳|值得)|(?:哪个|哪款|哪只|哪种|哪一个|哪一款)\\p{IsHan}{0,4}(?:收益|利率|回报|利息)(?:最高|更高|最好|高)|值得(?:买|投资|入手|购买)|值不值得|适合我(?:吗|的|买)|要不要买|该不该买|(?:帮我|给我)(?:选|挑)|(?:买|投)(?:这个|这款|这只)(?:好吗|合适吗|划算吗|行吗)"),
            Pattern.compile("(?:钱|存款|积蓄|奖金|工资|闲钱)(?:放|存|投)(?:在)?哪(?:里|儿)?(?:好|比较好|最好|合适|划算|收益高)|怎么(?:理财|投资)(?:比较)?(?:好|划算|合适|收益高)")
    );

    private AdviceRequests() {
    }
}
