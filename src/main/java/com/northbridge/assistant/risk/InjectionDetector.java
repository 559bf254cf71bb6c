package com.northbridge.assistant.risk;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds text that tries to give the assistant instructions: overriding its rules, jailbreak role-play,
 * extracting its prompt, fake system markers, and, in uploaded documents, passages addressed to an AI.
 * It runs on customer messages and, at ingestion, on every document chunk. Each rule is a kind of attack,
 * not a phrase: an instruction verb with what it acts on ("ignore" + "your rules"), so that the same rule
 * catches the many ways of writing it. A customer talking about their own message ("ignore my previous
 * message, I meant 5000") or the bank's rules ("what are your rules for transfers") is left alone.
 */
public final class InjectionDetector {

    /**
     * One kind of attack, in two forms: {@code pattern} for normal text, {@code compact} for letters that
     * were spaced out and joined again (no spaces left between words). {@code unless} names the banking
     * talk that looks like it; {@code lines} rules read line starts, the others read the text as one line.
     */
    private record AttackRule(String kind, Pattern pattern, Pattern compact, Pattern unless, boolean lines) {

        Optional<String> find(String text, boolean joined) {
            Matcher m = (joined ? compact : pattern).matcher(text);
            if (m.find() && (unless == null || !unless.matcher(text).find())) {
                return Optional.of(m.group().strip());
            }
            return Optional.empty();
        }
    }

    /** A rule's regex as written, and with every space optional. */
    private record Form(Pattern spaced, Pattern compact, boolean lines) {
    }

    // ---- shared vocabulary -------------------------------------------------------------------------------
    /** Ways of naming an AI that nobody uses for a person; "assistant" and "agent" alone are also staff. */
    private static final String MACHINE = "(?:ai|a\\.i\\.|ai assistant|virtual assistant|ai model|ai agent|ai system|chat ?bot|llm|large language model|language model|gpt|chat ?gpt|gpt-?\\d|copilot|claude|gemini)";
    private static final String AI = "(?:" + MACHINE + "|assistant|bot|model)";
    /** What an override acts on: the assistant's instructions, never a customer's payment or message. */
    private static final String GUIDANCE = "(?:instructions?|prompts?|rules?|directives?|guidelines?|commands?|programming|constraints?|restrictions?|guardrails?|filters?|training|directions?|protocols?|principles?|guidance|persona|limitations?|boundaries|morals?|ethics|context|system (?:prompt|message|instructions?))";
    private static final String SOME = "(?:the|of|and|these|those|its|any|each|given|current|existing|that|this)";
    /** A word that says which instructions: without one, "forget the rules" is a customer's sigh. */
    private static final String WHICH = "(?:all|every|your|previous(?:ly)?|prior|preceding|above|earlier|former|foregoing|initial|original|old|past|system|developer|safety|default|pre-?programmed|programmed|built-?in|hidden|assigned|above-?mentioned|aforementioned|openai'?s?|ethical|moral|content)";
    private static final String OVERRIDE_VERB = "(?:ignore|ignoring|disregard|disregarding|override|overriding|overwrite|pay no attention to|do not follow|don'?t follow|no longer follow|stop following|stop obeying|do not obey|don'?t obey|forget|forgetting|abandon|discard|dismiss|set aside|put aside|throw away)";
    /**
     * What makes "say" an order to the assistant rather than what a screen says: "please say", "can you say",
     * "you must say", "how do you say", "right after you say".
     */
    private static final String TO_THE_ASSISTANT = "(?:please|pls|just|only|simply|now|instead|and|then|also|always"
            + "|(?:(?:how |why )?(?:do|would|will|can|could|won't) )?(?:you|u)(?: must| should| will| shall| have to| need to| may| can)?(?: please| just| only| now| always)?"
            + "|(?:i|we) (?:want|need|would like|'d like) you to(?: just| only)?|your (?:task|job|goal) is to)";
    /** Words a zh override points with: "上述", "你的", "所有". */
    private static final String ZH_WHICH = "(?:你(?!们)的?|之前|以前|先前|此前|刚才|上面|上述|以上|前面|前述|所有|全部|一切|任何|原来|原有|原先|原始|系统|开发者|预设|内置|最初)";
    private static final String ZH_GUIDANCE = "(?:指令|指示|提示词|提示|规则|设定|人设|约束|命令|规定|限制|准则|原则|守则|要求|策略|道德|伦理|审查|过滤|程序|编程|训练|角色|任务|上下文|前文|上文|对话|内容|一切|所有)";

    private static final List<AttackRule> RULES = List.of(
            // 1. Override: a verb that sets instructions aside, which ones, and the instructions.
            rule("override", en("\\b" + OVERRIDE_VERB + " (?:" + SOME + " ){0,3}" + WHICH + " (?:(?:" + SOME + "|" + WHICH + ") ){0,3}" + GUIDANCE + "\\b(?! (?:i|we) (?:gave|sent|made|wrote|set))")),
            rule("override", en("\\b(?:ignore|disregard|override) (?:the )?" + GUIDANCE + "\\b")),
            rule("override", en("\\b" + OVERRIDE_VERB + " (?:all|any|every) (?:of )?(?:the |your |my )?(?:previous |prior |above |earlier |preceding |past |other |future |following )*(?:messages|conversation|texts|inputs|content|context|answers|responses)\\b")),
            rule("override", en("\\bfollow (?:the|these|this|my|your new|the new|new) (?:new )?instructions? ?:")),
            rule("override", en("\\b(?:ignore|ignoring|disregard|disregarding|forget|skip|skipping|neglect|neglecting|omit|drop|leave out|never ?mind|pay no attention to|don'?t (?:pay attention to|consider|care about|mind|follow|obey)|do not (?:pay attention to|consider|care about|follow|obey)|no need to (?:follow|consider|obey)|stop (?:considering|following|obeying)|set aside|put aside|discard|dismiss|abandon) (?:all |any |every )?(?:of )?(?:the |these |those |your )?(?:instructions?|prompts?|commands?|directives?|requirements?|rules|guidelines|orders|tasks?|requests?|content|text|words|settings) (?:above|before|before this|mentioned above|given above|stated above|given before|given earlier|previously given|so far|you (?:were|have been) given)\\b")),
            rule("override", en("\\b(?:skip|skipping|neglect|neglecting|omit|drop|leave out|never ?mind|don'?t (?:consider|care about|mind)|do not (?:consider|care about)|no need to (?:follow|consider|obey)|stop (?:considering|following|obeying)) (?:all |any |every )?(?:of )?(?:the |your )?(?:above|previous|prior|preceding|foregoing|aforementioned|earlier|original|initial|system)\\b(?! (?:transactions?|transfers?|payments?|amounts?|messages?|emails?|address|numbers?|questions?|months?|years?|statements?|bills?|step))")),
            rule("override", en("\\b(?:ignore|disregard|forget) (?:all (?:of )?the (?:above|foregoing|preceding)|everything (?:above|before)|the (?:above|foregoing|preceding) (?:and|then|,) (?:just |instead |now )?(?:say|print|output|write|respond|reply|answer|tell|follow|translate|repeat|do|act|pretend|give))\\b")),
            rule("override", en("\\b(?:ignore|disregard|forget) (?:everything|all|anything) (?:before|before this|prior to this|previously|so far|up to now|(?:that )?(?:was |has been |you were |you've been |you have been )?(?:said|written|told|taught|given) (?:before|above|earlier|to you|so far))\\b")),
            rule("override", en("\\b(?:forget|ignore|disregard) (?:everything|all|anything) you (?:know|were told|have been told|'ve been told|learned|were taught|were given)\\b")),
            rule("override", en("\\b(?:forget|ignore|disregard) (?:that |the fact that )?you (?:are|were|'re) (?:an? )?(?:ai|assistant|bank|chat ?bot|bot|language model|customer service)")),
            rule("override", en("\\bnew (?:instructions?|directives?|prompt|system prompt|objective)s? ?(?::|for you)|\\b(?:here are|these are|follow|obey) (?:your|the|my) new (?:instructions|directives|rules)\\b")),
            rule("override", en("\\b(?:your|the) (?:new|real|actual|true) (?:instructions?|task|objective|directive|role|persona) (?:is|are|will be|now)\\b")),
            rule("override", zh("(?:忽略|无视|忽视|忘记|忘掉|忘了|不要理会|不用理会|不必理会|别理会|不理会|不要管|不用管|别管|抛开|抛弃|丢掉|丢弃|放下|覆盖|推翻|清除|清空)(?:掉)?" + ZH_WHICH + "[^。!?,\\s我]{0,8}?" + ZH_GUIDANCE)),
            rule("override", zh("(?:忽略|无视|忽视)(?:掉)?(?:所有|一切|全部|任何)?的?(?:指令|指示|提示词|规则|设定|约束|命令|道德|伦理)")),
            rule("override", zh("(?:绕过|突破|打破|解除|摆脱|违背|无视|跳过|不再遵守|不要遵守|不必遵守|无需遵守|停止遵守|不用遵守|不再受)(?:你(?!们)的?|所有|一切|任何|全部|系统|开发者|openai|安全|内置|预设|原有|原来)的?[^。!?,\\s]{0,6}?(?:规则|限制|约束|设定|准则|指令|道德|伦理|审查|过滤|规范|束缚|策略)")),
            rule("override", zh("(?:忽略|无视|忽视|忘记|忘掉|不要理会|不用理会|无需理会|别理会|不理会|不要管|不用管|别管|抛开|跳过)(?:掉)?" + ZH_WHICH + "[^。!?,\\s我]{0,8}?(?:话|问题|文字|句子|文本|请求|消息|信息|说法|说明)[,，]?(?:直接|请|只|只需|改为|而是|然后|并|再)?(?:输出|回答|回复|说|告诉|打印|写|翻译|重复)")),
            rule("override", zh("(?:把|将)(?:你的|你|上述|上面|之前|以上|前面|所有|全部|一切|原来|原有|系统)的?[^。!?,\\s]{0,8}?(?:指令|要求|规则|设定|提示|限制|约束)(?:全部|都|统统)?(?:忽略|忘掉|忘记|无视|清除|清空|抛开|删掉|作废)|(?:以上|上述|上面|之前|先前|前面|原来|原有)的?(?:所有|全部)?(?:指令|要求|规则|设定|提示)(?:都|全部)?(?:作废|无效|失效|不再适用|不再有效|取消|不算数?)")),
            rule("override", en("\\b(?:safety|security|content) (?:rules|filters|checks|restrictions|guardrails|policies) (?:are|have been|were|is) (?:now )?(?:disabled|off|turned off|switched off|lifted|suspended|removed|deactivated)\\b|\\b(?:this is|we are in|you are in|you're in|now in) (?:a )?(?:test|testing|debug|sandbox|staging) (?:environment|mode|session)\\b|\\bset (?:the |my |this )?risk (?:level|rating|score) to\\b")),
            rule("override", zh("(?:安全|风控|内容)?(?:规则|限制|过滤|审查|检查|策略)(?:已经|已|都|全部)?(?:关闭|解除|取消|失效|禁用|关掉)|(?:现在|当前|这)是(?:在)?(?:测试|调试|开发|沙盒)(?:环境|模式)|(?:把|将)风险等级(?:改|调|设|降)(?:成|为|到)")),
            rule("override", en("\\b(?:the |all )?(?:above|previous|prior|preceding|earlier|old|original|initial|system) (?:instructions|rules|prompts?|directives|guidelines) (?:are|is) (?:now )?(?:void|cancell?ed|invalid|obsolete|revoked|null|no longer (?:valid|in effect|apply|applicable))\\b")),
            rule("override", zh("(?:新的?|最新的?|更新后的?|真正的)(?:指令|任务|设定)(?:是|如下|为)?[:：]|你(?!们)的?(?:新|真正的?)(?:任务|指令|目标|身份|设定)是")),

            // 2. Role-play and jailbreak personas.
            rule("role-play", en("\\byou(?:'re| are| will be) (?:now|no longer|from now on|going to (?:be|act|play|pretend)|about to (?:act|play|become|immerse)) (?:an? |my |the |in |called |named |playing |acting |free|unrestricted|dan\\b|no longer|not |\\w*gpt)")),
            rule("role-play", en("\\bfrom now on,? (?:you(?:'re| are| will (?:be|act|respond|answer|reply|only|always|never|pretend|play|speak|talk|ignore|forget|not refuse)| must| shall| should (?:act|respond|answer|always|never))|act|respond|answer|reply|pretend|only (?:respond|answer|reply|speak)|always (?:respond|answer|reply)|ignore|forget)\\b")),
            rule("role-play", en("\\byou(?:'re| are) (?:now )?to (?:act|behave|pretend|play|respond|be) (?:as|like)\\b|\\bi (?:want|need|would like) you (?:to )?(?:act|pretend|become|play|roleplay|role-play|behave|turn (?:in)?to|simulate|imagine)\\b")),
            rule("role-play", en("\\b(?:act|behave|function|work|respond) (?:like|as) (?:a |an )?(?:\\w+ ){0,2}(?:interpreter|terminal|console|shell|compiler|linux|database|chat ?bot|ai|language model|character|persona|jailbreak)\\b")),
            rule("role-play", en("\\b(?:suppose|assume|assuming|supposing|let's say|say) (?:that )?you(?:'re| are| were) (?:an?|the|my) \\w+|\\bif you were (?:an?|the) (?!bank|customer\\b)\\w+|\\blet'?s play a (?:game|role|roleplay)\\b|\\bin the (?:role|voice|persona|shoes) of\\b|\\bfrom the perspective of (?:an?|the) \\w+|\\bplay(?:ing)? (?:the )?(?:role|part) of\\b")),
            rule("role-play", en("(?:^|[.!?\\n] )(?:you are|you're) (?:an?|the) (?:\\w+ ){0,3}(?:expert|specialist|hacker|character|writer|novelist|poet|journalist|teacher|professor|doctor|lawyer|detective|scientist|engineer|programmer|spy|secret agent|consultant|analyst|persona|actor|storyteller|screenwriter|historian|psychologist|chemist|hitman|gangster|pirate|wizard|god|demon|devil|assistant named|ai named|bot named|model named)\\b(?![^.!?\\n]{0,20}\\?)|\\bas an? (?!bank|customer|client|student|retiree|pensioner|foreigner|parent|business|company|small business|sole trader|freelancer|new customer|existing customer)(?:\\w+ ){1,3}?(?:,|who) (?:you|please|tell|write|explain|describe|answer|respond|give)\\b")),
            rule("role-play", en("\\byou (?:are going to|'re going to|are about to|will now) (?:play|act as|become|portray|embody|be) (?:an?|the) (?!better\\b|good\\b)\\w+|\\byou will (?:play|act as|portray|embody) (?:an?|the) \\w+|\\byou are playing (?:an?|the) \\w+|(?:^|\\n|[.!?] )(?:role|character|persona) ?: ?\\w+")),
            rule("role-play", en("\\bpretend (?:that )?(?:you are|you're|you were|you have|you can)\\b|(?:^|[.!?:;,] |\\b(?:please|now|just|let's|lets|you|to|can you|could you|will you|and|then) )pretend (?:to be|to act)\\b")),
            rule("role-play", en("\\brole-?play(?:ing)?\\b|\\b(?:stay|remain|keep|staying) in (?:character|role|persona)\\b|\\b(?:break(?:ing)?|out of) character\\b")),
            rule("role-play", en("\\b(?:act|behave|respond|answer|reply|speak|talk|write) (?:as if|as though|like) (?:you are|you're|you were)\\b")),
            rule("role-play", en("(?:^|[.!?:;\\n]|\\byou (?:will |shall |must |should |are to |need to |have to |can )?(?:now )?)(?:please )?(?:act|behave) as (?:an? |my |the )?(?!soon|quick|fast|possible|usual|normal|if|though|expected|required|agreed|promised|much|many|long|well|per|such|follows|before|always|intended|needed|necessary|guarantor|witness|co-?signer|joint|trustee|executor|proxy|power of attorney)\\w+")),
            rule("role-play", en("(?:^|[.!?:;\\n]|\\byou (?:will |shall |must |should |are to |need to |have to |can )?(?:now )?)(?:please )?(?:take on|assume|adopt|play|embody) (?:the )?(?:role|persona|character|part|identity) of\\b")),
            rule("role-play", en("\\bimagine (?:that )?(?:you are|you're|you were|yourself as|you have no)\\b|\\bhypothetically,? (?:you are|you're|if you were)\\b")),
            rule("role-play", en("\\byou (?:are|'re|will be) (?:no longer|not) (?:an? )?(?:ai|assistant|chat ?bot|bot|language model|bound|restricted|limited|constrained|chatgpt|customer service)\\b")),
            rule("role-play", en("\\b(?:evil|unrestricted|unfiltered|uncensored|jailbroken|amoral|unethical|rogue|immoral|limitless|unbound|unshackled) (?:ai|assistant|chat ?bot|bot|model|mode|persona|gpt|character|language model)\\b")),
            rule("role-play", en("\\byour (?:sole|only|primary|main|one and only|single) (?:purpose|function|response|output|directive|task|reply|answer|goal) (?:is|will be|shall be)\\b")),
            rule("role-play", en("\\bin this (?:fictional|hypothetical|imaginary|fantasy|alternate|parallel) (?:world|scenario|story|universe|reality|setting)\\b")),
            rule("role-play", en("\\byour new (?:name|persona|role|identity|character) (?:is|will be)\\b|\\byour (?:name|persona|role|identity|character) is now\\b")),
            rule("role-play", zh("(?:从现在(?:开始|起)|从今以后|接下来|现在起|此后),?你(?:就|将|必须|只能|需要|应该)?(?:是|扮演|成为|作为|变成|充当|叫|化身|不再是)|(?:从现在(?:开始|起)|从今以后|接下来|现在起),?你要(?:扮演|成为|充当|变成|作为)")),
            rule("role-play", zh("你现在(?:是|扮演|成为|变成|作为|充当)(?:一个|一名|一位|一只|一款)(?![^。!?\\n]{0,10}[吗嘛么?])")),
            rule("role-play", zh("你(?:现在)?(?:来)?扮演|(?:让|叫)你扮演|你的(?:角色|身份|人设)(?:是|为|就是)|你(?:将|要|需要|必须|来)(?:扮演|充当|假扮|化身|模仿|成为|变成|作为)|请(?:你)?(?:扮演|充当|假扮|化身|假装|模仿)|角色扮演|假装(?:你|自己)是|假(?:设|如|定)你是(?:一个|一名|一位|一款)|(?:你|请)(?:以|用)[^。!?\\n]{1,12}的(?:身份|角色|立场)(?:回答|回复|说话|发言|说|讲)")),
            rule("role-play", zh("(?:^|[,，。!?;\\n])(?:你|您)(?:现在)?(?:是|就是)一(?:个|名|位|款)[^,，。!?\\n]{0,10}(?:专家|黑客|作家|小说家|诗人|记者|老师|教授|医生|律师|侦探|科学家|工程师|程序员|间谍|特工|分析师|角色|人物|反派|演员|导演|编剧|大师)(?![^。!?\\n]{0,6}[吗嘛么呢?])|作为一(?:个|名|位|款)(?![^,，。!?\\n]{0,10}(?:客户|用户|会员|持卡人|学生|家长|老人|消费者|储户|外国人|股东|员工|人))[^,，。!?\\n]{1,12}[,，](?:你|请)|(?:如果|假如|要是|倘若)你是(?:一(?:个|名|位))?(?!我|机器人|ai|人工智能|客服|人工|银行|真人)[^,，。!?\\n]{1,10}[,，]?你(?:会|要|将|该|能)|(?:站在|以|用)[^,，。!?\\n]{1,12}的(?:立场|身份|角色)[,，]?(?:回答|回复|说|讲|写|描述|分析|告诉|谈谈)|模拟一(?:个|名|位)[^,，。!?\\n]{1,10}(?:角色|人物|人|的对话)|把(?:你|自己)(?:当成|当作|想象成|看作)")),
            rule("role-play", zh("你(?:现在)?不再是|你不是(?:一个)?(?:ai|人工智能|语言模型|大模型|聊天机器人|机器人|助手)了|忘(?:记|掉|了)你是|(?:想象|假想)(?:一下)?你(?:是|在)")),
            rule("jailbreak", en("\\bjailbr(?:eak|oken|eaking|eaked)\\b"), Pattern.compile("phone|iphone|ipad|device|ios|android|rooted|root access")),
            rule("jailbreak", en("\\b(?:developer|dev|god|sudo|admin|administrator|unrestricted|opposite|evil|chaos|dan|jailbreak|unfiltered|uncensored|anti-?dan|super ?user|superuser) mode\\b")),
            rule("jailbreak", en("\\b(?:enable|enter|activate|switch (?:in)?to|turn on|unlock|enabled|activated|entering) (?:the )?(?:debug|maintenance|test|privileged|god|root|admin) mode\\b")),
            rule("jailbreak", en("\\bdo anything now\\b|\\b(?:you are|you're|you will be|act as|become|stay|pretend to be) (?:a |now )?dan\\b|\\bdan (?:prompt|persona|\\d+(?:\\.\\d+)?)\\b")),
            rule("jailbreak", en("\\b(?:without|free (?:of|from)|freed from|liberated from|released from|not bound by|unbound by|not restricted by|break free (?:of|from)|escaped? (?:from )?)(?: any| all| the| your| its| typical| usual| normal)* (?:(?:ethical|moral|content|safety|openai'?s?|ai) (?:restrictions|limitations|filters|guidelines|rules|constraints|boundaries|policies|standards)|censorship|filter(?:s|ing)|morals|ethics|guardrails|confines|shackles)\\b")),
            rule("jailbreak", en("\\b(?:have|has|with|without|no|zero) (?:no |any )?(?:ethical|moral) (?:guidelines|restrictions|boundaries|limits|compass|principles|code|constraints|obligations|qualms)\\b")),
            rule("jailbreak", en("\\b(?:openai|anthropic)(?:'s)? (?:content )?(?:polic(?:y|ies)|guidelines|rules|filters?|restrictions)\\b|\\bcontent (?:polic(?:y|ies)|filters?|moderation)\\b")),
            rule("jailbreak", en("\\b(?:never|must not|will not|won't|cannot|can't|shall not|do not|don't|should not) (?:ever )?(?:refuse|decline) (?:any|to answer|to respond|requests|anything|to comply)\\b|\\bwithout (?:refusing|any refusals?|censorship|disclaimers)\\b|\\b(?:no|never|don't|do not|not) (?:add |include |give )?(?:any )?(?:disclaimers|moral(?:izing)? lectures)\\b|\\b(?:add|include) no warnings\\b")),
            rule("jailbreak", en("\\b(?:no matter how|regardless of how|even if (?:it is|it's|they are|they're|the request is|the question is)) (?:\\w+ )?(?:illegal|unethical|immoral|harmful|dangerous|offensive|inappropriate|explicit|amoral)\\b|\\b(?:doesn'?t|does not|don'?t|do not|won'?t|will not|never) (?:care about|have|follow|abide by|adhere to) (?:any )?(?:ethics|morals|morality|ethical (?:guidelines|principles|standards)|moral (?:guidelines|principles|standards))\\b|\\b(?:unfiltered|uncensored|unrestricted|unmoderated) (?:response|answer|reply|version|output|content|mode)s?\\b|\\b(?:can|will|could) (?:say|do|answer|generate|write) anything\\b(?! (?:about my|to help|for me))")),
            rule("jailbreak", en("\\b(?:respond|answer|reply|generate|give|provide|write)(?: me)?(?: with| in)? (?:two|2|both) (?:different |separate |distinct )?(?:responses|answers|ways|versions|paragraphs|outputs)\\b|🔓|🔒|\\[jailbreak\\]|\\[classic\\]")),
            rule("jailbreak", zh("越狱(?:模式|提示词?|指令|版本?|后的你|成功)|(?:你|让你|帮你|进入)越狱|开发者模式|开发模式|dan模式|无限制模式|上帝模式|管理员模式|调试模式|超级用户模式|不受(?:任何)?(?:道德|伦理|规则|法律|内容|安全)(?:的)?(?:限制|约束|束缚)|没有(?:任何)?(?:道德|伦理|底线|审查|过滤)(?:的)?(?:限制|约束|束缚|底线|观念)?|不受(?:任何)?(?:限制|约束)的(?:ai|人工智能|助手|模型|机器人|版本|聊天机器人)|(?:永远|绝不|绝对)(?:不要|不能|不会|不)?拒绝(?:我|任何|回答)|你(?!们)(?:永远)?不(?:能|会|可以|许|准)拒绝(?:我的)?(?:任何)?(?:要求|问题|请求|回答)|(?:无需|不用|不要|不必)(?:考虑|顾及|遵守)(?:道德|伦理|法律|规则|安全)")),

            // 3. Prompt extraction: asking for the instructions, the prompt, or what came before.
            rule("extraction", en("\\b(?:system|initial|original|hidden|secret|internal|pre|meta|developer) ?-?prompt\\b(?! (?:said|says|saying|popped|appeared|came up|showed|told me|asked me))")),
            rule("extraction", en("\\b(?:hidden|secret|internal|initial|original|system|pre-?set|underlying|confidential|developer) (?:instructions|directives|guidelines|rules you|configuration|programming)\\b")),
            rule("extraction", en("\\b(?:repeat|reveal|print|show|output|tell|what are|what were|what's|what is|list|dump|leak|recite|display|share|summari[sz]e|write(?: out| down)?|copy|paste|translate|spell out|give|disclose|expose|describe|paraphrase|reproduce|restate|echo|return|type out|read (?:out|back)|explain|encode|convert|rephrase|reword|rewrite|reformat|format|outline|put|turn)(?: me| us| back)?(?: all| every| each| exactly| verbatim)?(?: of)? (?:your|you|ur|yr) (?:exact |full |complete |entire |original |initial |hidden |secret |internal |system |actual |real |first |previous )*(?:instructions?|prompts?|rules?|directives|programming|guidelines|configuration|config|setup|context|training|constraints|commands)\\b(?! (?:for|on|about|to|how|regarding|when|if|with|concerning|around|again|one more time|more slowly|slowly|step by step) )(?! (?:again|one more time|more slowly|slowly)\\b)")),
            rule("extraction", en("\\b(?:repeat|print|output|show|write|copy|recite|echo|return|reproduce|reveal|tell me|display|translate|summari[sz]e|paraphrase|list|dump|spell out|give me)(?: back| out| me| us)?(?: all| every| exactly| verbatim)?(?: of)? (?:everything|all|anything|the text|the words|the content|the instructions|the prompt|the lines|the sentences|what(?:ever)? (?:is|was|was written|was said|you (?:were|have been) (?:given|told))|text|words) (?:above|before this|before that|prior to this|so far|preceding|from the (?:start|beginning|top)|at the (?:start|beginning|top)|you (?:were|have been|'ve been) (?:given|told|instructed)|given to you)\\b")),
            rule("extraction", en("\\b(?:explain|explaining|describe|describing|summari[sz]e|summari[sz]ing|print|printing|repeat|repeating|convert|converting|translate|translating|rewrite|rephrase|reformat|format|write|writing|list|output|show|reveal|paraphrase|encode|spell out|recite|tl;?dr)(?: \\w+){0,3}? (?:the |all |all of the |all the )?(?:above|previous|preceding|prior|earlier|initial|original|hidden|secret|system|foregoing) (?:instructions?|prompts?|rules|words|text|directives|sentences?|paragraphs?|lines|message|content|ruleset)\\b")),
            rule("extraction", en("\\b(?:format|reformat|rephrase|rewrite|convert|encode|dump|leak) (?:all )?(?:of )?(?:the|these|those) (?:instructions|prompt|rules|directives)\\b")),
            rule("extraction", en("\\b(?:print|output|dump|reveal|repeat|recite|leak|display|list) (?:the |all |your |all the |all your |all of your |all of the )?(?:instructions?|prompts?|system prompt|directives|ruleset|rules above|rules below)\\b(?! (?:for|on|about|to|regarding|how|when|in the (?:app|letter|email|leaflet)))")),
            rule("extraction", en("\\b(?:about|of|from|in|using|with|regarding|behind) (?:all )?(?:of )?(?:your|ur|yr) (?:(?:last |previous |first |initial |original |system |hidden |secret |full |exact )?(?:prompts?|programming|directives|system prompt|pre-?prompt)|(?:initial|original|system|hidden|secret) instructions)\\b(?! (?:reply|replies|response|responses|service|help|attention|action|answer|payment))")),
            rule("extraction", en("\\byour (?:initial|system|hidden|secret) (?:prompts?|instructions)\\b|\\byour (?:last|previous|first|original|full|exact) prompts?\\b(?! (?:reply|replies|response|responses|service|help|attention|action|answer|payment))")),
            rule("extraction", en("\\b(?:write|compose|make|create|sing|give me|tell)(?: me| us)? an? (?:rap|poem|song|story|haiku|limerick|rhyme|sonnet|play|script|riddle|reddit post|tweet|essay|acrostic)\\b[^.!?\\n]{0,60}\\b(?:your|the) (?:instructions|prompt|rules|code|password|passcode|secret|programming|access code|system prompt|directives|ruleset)\\b")),
            rule("extraction", en("\\b(?:first|last|initial) \\d+ (?:words|lines|sentences|characters|tokens|letters) (?:of|from|in) (?:your|the|this) (?:prompt|instructions|text|message|conversation|context)\\b")),
            rule("extraction", en("\\b(?:the|your) (?:above|preceding|previous|prior|earlier|first|beginning|initial|starting|opening) (?:text|prompt|instructions?|lines?|words|sentences|paragraphs?) (?:verbatim|word for word|exactly|in full)\\b|\\b(?:verbatim|word for word)\\b.{0,40}\\b(?:instructions|prompt|above|everything|rules)\\b")),
            rule("extraction", en("\\bwhat (?:exactly |precisely )?(?:were|are|was|have|had) you (?:been )?(?:told|instructed|programmed|prompted|configured|asked|given) (?:to do|to say|before|above|at the start|earlier|initially|by)\\b|\\bhow (?:were|are|have) you (?:been )?(?:instructed|programmed|prompted|configured|trained)\\b")),
            rule("extraction", en("\\b(?:copy|repeat|print|reproduce|write|recite|output|paste|type) (?:out )?(?:it|that|this|them|everything|all of it|all of that) (?:word for word|verbatim|exactly as (?:it is|written))\\b|\\bstart(?:ing)? (?:from|with|at) [\"“'‘]?you are\\b")),
            rule("extraction", en("\\b(?:see|view|access|inspect|check|audit|read|dump|show me|give me) (?:all )?(?:of )?your (?:config|configuration|setup|system prompt|instructions|tools|tool list|functions|function definitions|schemas?)\\b|\\blist (?:every|all|each|the) (?:tools?|functions?|apis?|commands|plugins) (?:that )?you (?:can )?(?:call|use|have|access|invoke)\\b|\\b(?:json )?schemas? (?:of|for) (?:your|the|each|every) (?:tools?|functions?)\\b|\\bi'?m (?:an? )?(?:authori[sz]ed|admin|administrator|developer|engineer|tester|red team(?:er)?) (?:to|and|so|for|with)\\b[^.!?]{0,60}\\b(?:see|access|view|bypass|override|read|disable|test)\\b")),
            rule("extraction", en("\\byour (?:training data|source code|model weights|weights|hyper-?parameters|parameters|neural network|architecture|api key|secret key|underlying model)\\b|\\bthe (?:system prompt|api key)\\b")),
            rule("extraction", en("\\b(?:reveal|tell me|give me|print|output|leak|say|spell out|what is|what's|write down|share)(?: me)? (?:the |your )(?:secret |hidden )(?:password|word|key|code|phrase|token|access code|passcode|passphrase)\\b|\\bwhat is your password\\b")),
            rule("extraction", zh("(?:输出|打印|告诉我|给我看|发给我|发我|重复|复述|泄露|透露|公开|披露|列出|说出|背诵|念出|写出)(?:一下|一遍|出来)?(?:你的|你|系统的?|上面的?|上述的?|以上的?|之前的?|前面的?|最初的?|最开始的?|原始的?|内部的?|隐藏的?|全部的?|完整的?|所有的?|被设定的?|预设的?|开发者给你的?|你收到的?|你被给予的?)*(?:提示词|系统提示|提示语|prompt|system prompt|指令|初始化|预设|人设|训练数据|源代码|源码|内部规定|内部指令)")),
            rule("extraction", zh("(?:输出|打印|告诉我|给我看|发给我|发我|重复|复述|泄露|透露|公开|披露|列出|说出|背诵|念出|写出)(?:一下|一遍|出来)?你(?!们)的?(?:规则|设定|配置|参数|要求|限制|原则)|(?:输出|打印|复述|重复)(?:一下|一遍)?(?:以上|上面|上述|前面|之前)(?:的)?(?:所有|全部|完整)(?:的)?(?:内容|文字|文本)")),
            rule("extraction", zh("提示词|系统指令|初始指令|初始提示|原始指令|隐藏指令|内部指令|预设指令|初始设定|你(?!们)的?系统提示")),
            rule("extraction", zh("你(?!们)的?(?:指令|设定|人设|规则|配置|训练数据|训练数据集|源代码|源码|参数|模型参数|模型架构|算法|底层(?:规则|逻辑|指令|代码)|内部(?:规则|设定|规定|配置|机制|运作|原理|逻辑|指令|信息))(?:是什么|是怎样|是怎么|有哪些|有什么|来自|来源|从哪|内容|全文|原文|细节)")),
            rule("extraction", zh("(?:你|您)(?!们)的?(?:训练数据|训练集|训练语料|训练过程|训练方法|模型结构|模型架构|网络结构|模型参数|参数量|源代码|源码|底层代码|系统设定|系统配置|内部设置|后台设置|隐藏设置|技术细节|实现细节|工作机制|隐藏信息|保密信息|机密信息|预设|提示词|内部(?:设定|机制|指令|配置|规则|运作|原理|数据|信息|资料|参数)|开发者(?:是谁|给你|对你|设定|的指令|的要求)|工作原理|运行机制|运作方式|知识来源|数据来源)|(?:你|您)(?:是)?(?:谁|哪家公司|哪个公司|哪个团队|什么公司|什么机构)(?:开发|训练|制造|创造|设计|研发|打造)的|(?:你|您)(?:是)?(?:基于|用|采用|使用)(?:什么|哪个|哪种|哪一个)(?:模型|大模型|技术|算法|数据|架构)|你是(?:怎么|如何|怎样)(?:训练|工作|运作|实现|生成|学习)的|你(?:学习|训练)(?:了|过)(?:哪些|什么)(?:数据|资料|内容|知识)")),
            rule("extraction", en("\\b(?:who|which company|what company) (?:created|made|trained|built|developed|programmed|designed) you\\b|\\bwhat (?:language |ai |large language )?model (?:are you|is this|powers you|do you (?:use|run on))\\b|\\b(?:what|which) (?:data|dataset|datasets|sources) (?:were|are|was) you trained (?:on|with)\\b|\\bwhat (?:are|were) you trained on\\b|\\byour (?:training (?:process|set|corpus|method)|model (?:architecture|parameters|size|version)|(?:internal|hidden|secret|confidential|private|backend|back-end) (?:\\w+ )?(?:workings|settings|setup|configuration|prompts?|instructions|directives|guidelines|parameters|logic|mechanisms?|code)|system (?:settings|configuration|message|instructions|setup)|knowledge cutoff)\\b|\\bhow (?:were|are) you (?:set up|built|made|designed|created|configured)\\b")),
            rule("extraction", zh("(?:你收到的|你的|系统的|给你的)(?:第一条|最初的?|最开始的?|第一个|原始的?|系统)(?:消息|指令|提示|信息|设定|内容)|(?:复述|背诵|输出|打印)(?:一遍|一下)?你的|(?:复述|重复|输出|打印|翻译)(?:一遍|一下)?(?:上面|以上|下面|上述|前面)(?:的)?全部(?:内容|文字)|(?:把|将)(?:上面|上述|以上|之前|前面|最前面)的(?:话|内容|文字|消息|指令|提示)[^。!?]{0,16}(?:重复|复述|输出|打印|翻译|发给我)|从[“\"'‘]?you are[”\"'’]?开始")),
            rule("extraction", zh("你是(?:怎么|如何|怎样)被(?:设定|设置|训练|编程|开发|配置|设计|要求|指示|告知)的?|你(?:被|接受了)(?:设定|设置|训练|编程|配置|指示|告知)(?:成|为|了)?(?:什么|哪些|怎样)|你收到(?:了)?(?:什么|哪些)(?:指令|指示)")),

            // 4. Goal hijacking: dictating the exact words of the reply.
            rule("hijack", en("(?:^|[.!?:;,\\n]|\\b(?:please|just|only|simply|now|instead|and|then|you (?:must|should|will|shall|have to|need to)))(?: only| just| simply)? (?:say|print|output|respond with|reply with|answer with|repeat after me|echo|write out)(?: only| exactly| just)?:? ?[\"'“‘«「]")),
            rule("hijack", en("\\b(?:say|print|output|write|respond with|reply with) [\"“'‘][^\"”'’]{1,60}[\"”'’] instead\\b|\\b(?:prefix|prepend|append|add) [^.!?\\n]{1,40} (?:to|before|at the start of|at the beginning of) (?:your|yr|ur|the|each|every) (?:reply|response|answer|output|message)s?\\b|\\b(?:respond|reply|answer)(?: only)?(?: in \\w+)?(?: only)? with (?:only )?(?:the|these|those|this|exactly|just) (?:words?|phrase|text|sentence|string)\\b|\\b(?:words?|lines?|sentences?|characters?) (?:of|from|in) this prompt\\b")),
            // A quote after "say" or "reply" is an order only when the verb is addressed to the assistant: a screen
            // or an SMS that "says" a word ("why does my transfer say 'pending'", "should I reply 'Y'") is not.
            rule("hijack", en("\\b(?:directly|just|only|simply|immediately) output\\b|\\boutput (?:directly|only|just|the following|exactly|verbatim)\\b|\\b(?:print|reply|respond|answer|say) (?:directly|only|just|exactly):? ?[\"“'‘「]"
                    + "|(?:^|[.!?:;,(\\n] ?|\\b" + TO_THE_ASSISTANT + " )(?:print|reply|respond|answer|say):? ?[\"“'‘「]|\\b(?:print|reply|respond|say) directly\\b|\\brepeat after me\\b")),
            rule("hijack", en("\\binstead,? (?:just |only |simply )?(?:say|print|output)\\b|\\binstead,? (?:respond|reply|answer) (?:with|only)\\b|\\b(?:begin|start|end|finish|prefix|preface|prepend|append|conclude)(?: to)? (?:your|yr|ur|the|each|every) (?:reply|response|answer|output|message)s? (?:with|w/|by)|\\b(?:start|begin|starting|beginning|prefix|preface|open)s?(?: (?:your|the|each|every) (?:reply|response|answer|output|story|text|message|poem|code))? with [\"'“‘«「]|\\band nothing else\\b|\\bnothing (?:else|more)(?: afterwards| after(?: that| it)?)?$|\\b(?:respond|reply|answer) (?:only |solely |exclusively )?with (?:the (?:word|phrase|text|sentence|string)s?|\"|'|“)")),
            rule("hijack", zh("直接输出|原样输出|原封不动(?:地)?(?:输出|复述|重复|打印)|一字不差(?:地)?(?:输出|复述|重复|写出)|逐字(?:输出|复述|重复)|(?:直接|只|仅|只需|只要|仅需|请)(?:要)?(?:输出|回复|回答|说|打印)[:：]?[\"'“‘「『]|(?:把|将)(?:以下|下面|这段|这句|如下)(?:的)?(?:内容|文字|话|句子)?(?:原样|原封不动地?|完整地?)?(?:输出|复述|重复|打印)")),

            // 5. Fake markers of a system or developer turn.
            rule("marker", lines(en("(?:^|\\n|[.!?] )\\W{0,3}(?:system|assistant|developer|admin|administrator|sys|new instructions?|updated instructions?|important instructions?|system (?:override|command|instruction|prompt)|admin (?:override|command)|developer (?:note|override|command)) ?:"))),
            rule("marker", raw(Pattern.compile("\\[/?(?:system|inst|sys|admin|assistant|developer|instructions?)\\]|<\\|?/?(?:im_start|im_end|system|endoftext|eot_id|start_header_id|end_header_id)\\|?>|<</?sys>>|</?(?:system|instructions?|admin|prompt|developer|sys)>|#{2,} ?(?:instructions?|response|input|system|task) ?:|#{2,} ?(?:system|assistant|admin|developer) *(?:\\n|$)", Pattern.MULTILINE))),
            rule("marker", en("(?:%{3,}|={3,}|#{3,}|\\*{3,}|-{3,}|~{3,}|>{3,}|<{3,}|\\[{2,}|\\({3,}|👽{2,}) ?(?:end|begin|start|new|system|user|admin|developer|instructions?|ignore|override)\\b")),
            rule("marker", en("\\b(?:real|actual|true|new|updated|correct) instructions (?:start|begin|follow|are|below|here)\\b|\\beverything (?:up to now|so far|above|before this|before) (?:has been|was|is|were) (?:a |just a |only a )?(?:test|trick|joke|fake|lie|simulation|example|irrelevant|distraction|decoy)\\b|\\b(?:end|ignore|disregard|forget|discard)s? (?:of )?(?:the |all |these )?(?:out of date|outdated|old|obsolete|expired|deprecated|previous|prior) (?:instructions|rules|prompts?|directives)\\b")),
            rule("marker", lines(en("(?:^|\\n)\\W{0,3}(?:instructions?|user|human|prompt|question|q) ?: [^\\n]+\\n+\\W{0,3}(?:input|output|response|answer|assistant|ai|bot|model|a) ?:"))),
            rule("marker", en("\\b(?:begin|start|end) (?:of )?(?:the )?(?:system|user|admin|developer) ?(?:prompt|instructions?|input|message|override|mode)\\b|\\bend (?:of )?(?:the )?(?:prompt|instructions|user input)\\b")),
            rule("marker", lines(zh("【(?:系统|管理员|开发者)(?:指令|消息|提示|通知)?】|\\[系统\\]|(?:系统|管理员|开发者)指令[:：]|(?:^|\\n)(?:系统|system)[:：]"))),

            // 6. Passages addressed to an AI: how instructions hide in documents and web pages.
            rule("addressed", en("\\b(?:note|message|instructions?|reminder|attention|hint|directive|command|memo) (?:to|for) (?:the |any |all |every )?" + MACHINE + "s?\\b")),
            rule("addressed", en("\\bif you(?:'re| are) (?:an? |the )?(?:ai|a\\.i\\.|assistant|language model|llm|chat ?bot|bot|gpt|large language model|ai model|ai assistant|automated system|machine|model)\\b(?![^.!?\\n]{0,40}\\b(?:human|person|agent|representative|someone real|real person|staff))|\\b(?:any|an|the) (?:ai|llm|language model|chat ?bot|ai system|ai assistant)s? (?:reading|processing|summari[sz]ing|parsing|that reads|that processes|that summari[sz]es|that is reading)\\b")),
            rule("addressed", lines(en("(?:^|\\n|<!--|[>(\\[{.!?-] ?)\\W{0,3}(?:dear |hey |hi |attention |to |note to )?(?:the )?" + AI + "s? ?[:,] ?.{0,160}?\\b(?:ignore|disregard|forget|override|tell (?:the |all |every |any )?(?:customers?|users?|clients?|readers?|people|visitors?)|inform (?:the )?(?:customers?|users?)|(?:always|never) (?:say|tell|mention|reveal|recommend|disclose|answer|respond|reply|refuse|state|claim)|(?:must|should|do not|don't) (?:say|mention|reveal|disclose|claim|state)|respond (?:only )?with|from now on|you are (?:now|no longer)|(?:when|if) (?:a customer|the customer|the user|users|customers) (?:asks?|asked|enquires?|inquires?|requests?)|say that|state that|claim that|confirm that)\\b"))),
            rule("addressed", raw(Pattern.compile("<!--(?:(?!-->).){0,400}?(?:\\bai\\b|assistant|\\bmodel\\b|\\bllm\\b|\\bbot\\b|ignore|instruction|prompt|\\btell\\b|\\bsay\\b|respond|助手|模型|忽略|指令|告诉|回复|回答)(?:(?!-->).){0,400}?-->", Pattern.DOTALL))),
            rule("addressed", zh("(?:致|写给)(?:各位|所有|任何)?的?(?:ai|人工智能|智能|语言|大)?(?:助手|助理|模型|大模型|机器人|客服机器人|智能客服|ai|gpt|chatgpt)(?:们)?[:,：，]|给(?:各位|所有|任何)?的?(?:ai|人工智能|智能|语言|大)?(?:助手|助理|模型|大模型|机器人|ai|gpt|chatgpt)(?:们)?的?(?:指令|提示|说明|留言)?[:：]|(?:如果|假如|若|倘若)你是(?:一个|一款|一名)?(?:ai|人工智能|语言模型|大模型|大语言模型|ai助手|智能助手|机器人|聊天机器人|模型)(?![^。!?\\n]{0,12}(?:人工|真人|客服))|(?:阅读|读取|处理|总结)(?:本|这|此|该)(?:文档|文件|段落|内容|页面)的(?:ai|人工智能|模型|助手|机器人)")),
            rule("addressed", lines(zh("(?:^|\\n|[。!?;])\\W{0,3}(?:ai|人工智能|智能|ai智能)?(?:助手|助理|模型|机器人|智能客服|ai)[:,：，][^\\n]{0,80}?(?:忽略|无视|忘记|告诉(?:客户|用户|所有人|大家|访客|读者)|告知(?:客户|用户)|对(?:客户|用户)(?:说|称|表示)|(?:一律|务必|必须|始终|总是|永远|只能|不得)(?:回答|回复|说|告诉|声称|推荐|提及|透露|拒绝)|(?:如果|当)(?:客户|用户|有人)(?:问|询问|咨询)|声称|宣称|从现在(?:开始|起))")))
    );

    /** Repetitions of one token that no customer or document writes. */
    private static final int FLOOD = 25;

    private static final Prefilter PREFILTER = Prefilter.of(RULES.stream().map(AttackRule::pattern).toList());
    private static final Prefilter COMPACT_PREFILTER = Prefilter.of(RULES.stream().map(AttackRule::compact).toList());

    private InjectionDetector() {
    }

    /** The rules' patterns as matched on ordinary text: for the test that checks the prefilter loses nothing. */
    static List<Pattern> patterns() {
        return RULES.stream().map(AttackRule::pattern).toList();
    }

    /**
     * Names the rules as written: passages are flagged when they are stored, and a change of the rules
     * changes this, so that ingestion flags every passage again (KnowledgeIngestion's pipeline signature).
     */
    public static String rulesVersion() {
        return RULES_VERSION;
    }

    /** Computed once: ingestion asks for it for every file it compares with the stored one. */
    private static final String RULES_VERSION = version(RULES);

    private static String version(List<AttackRule> rules) {
        StringBuilder all = new StringBuilder();
        rules.forEach(r -> all.append(r.kind()).append('\u0000').append(r.pattern().pattern()).append('\u0000')
                .append(r.unless() == null ? "" : r.unless().pattern()).append('\u0001'));
        return Integer.toHexString(all.toString().hashCode());
    }

    /** The first injection cue in the text, or its decoded or de-obfuscated reading. */
    public static Optional<String> detect(String text) {
        return detect(NormalisedText.of(text));
    }

    static Optional<String> detect(NormalisedText text) {
        Optional<String> cue = firstCue(text.plain(), false);
        if (cue.isPresent()) {
            return cue;
        }
        cue = tokenFlood(text.plain());
        if (cue.isPresent()) {
            return cue;
        }
        for (String reading : text.hidden()) {
            cue = firstCue(reading, false);
            if (cue.isPresent()) {
                return Optional.of("decoded: " + cue.get());
            }
        }
        String joined = text.joined();
        return joined == null ? Optional.empty() : firstCue(joined, true).map(c -> "decoded: " + c);
    }

    private static Optional<String> firstCue(String lines, boolean joined) {
        String line = lines.indexOf('\n') < 0 ? lines : lines.replace('\n', ' ');
        Prefilter prefilter = joined ? COMPACT_PREFILTER : PREFILTER;
        BitSet candidates = prefilter.candidates(line);
        if (line != lines) {
            candidates.or(prefilter.candidates(lines)); // the line-start rules read the text with its breaks
        }
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            AttackRule rule = RULES.get(i);
            Optional<String> cue = rule.find(rule.lines() ? lines : line, joined);
            if (cue.isPresent()) {
                return cue;
            }
        }
        return Optional.empty();
    }

    /**
     * The same short token repeated dozens of times ("ö ö ö ö …"), or dozens of lone brackets and symbols
     * (") ] } ) ] }"): text written to knock a model off its instructions, not to be read. Rulers of dashes
     * or dots in documents do not count.
     */
    private static Optional<String> tokenFlood(String text) {
        String[] tokens = text.split("\\s+");
        if (tokens.length >= 2 * FLOOD) {
            long symbols = Arrays.stream(tokens).filter(t -> t.length() <= 3 && t.codePoints().noneMatch(Character::isLetterOrDigit) && !t.chars().allMatch(c -> "-=_.*|#~+:".indexOf(c) >= 0)).count();
            if (symbols >= 0.8 * tokens.length) {
                return Optional.of("symbols × " + symbols);
            }
        }
        String previous = null;
        int run = 0;
        for (String token : tokens) {
            run = token.equals(previous) ? run + 1 : 1;
            previous = token;
            if (run >= FLOOD && token.length() <= 4 && !token.chars().allMatch(c -> "-=_.*|#~+".indexOf(c) >= 0)) {
                return Optional.of(token + " × " + run);
            }
        }
        return Optional.empty();
    }

    private static AttackRule rule(String kind, Form form) {
        return new AttackRule(kind, form.spaced(), form.compact(), null, form.lines());
    }

    private static AttackRule rule(String kind, Form form, Pattern unless) {
        return new AttackRule(kind, form.spaced(), form.compact(), unless, form.lines());
    }

    /** English: one space between words, as the normalised text has them. */
    private static Form en(String regex) {
        return new Form(Pattern.compile(regex), Pattern.compile(regex.replace(" ", "\\s*")), false);
    }

    private static Form zh(String regex) {
        Pattern p = Pattern.compile(regex);
        return new Form(p, p, false);
    }

    /** A rule about line starts ("SYSTEM:" at the beginning of a line). */
    private static Form lines(Form form) {
        return new Form(Pattern.compile(form.spaced().pattern(), Pattern.MULTILINE),
                Pattern.compile(form.compact().pattern(), Pattern.MULTILINE), true);
    }

    private static Form raw(Pattern pattern) {
        return new Form(pattern, pattern, true);
    }
}
