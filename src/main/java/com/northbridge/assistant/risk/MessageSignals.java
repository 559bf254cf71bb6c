package com.northbridge.assistant.risk;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Interim lexicon rules per signal. */
public final class MessageSignals {

    private static final Map<Signal, Pattern> RULES = new EnumMap<>(Signal.class);

    static {
        RULES.put(Signal.PROMPT_INJECTION, p("ignore (all )?(previous|prior|above) (instructions|rules)|system prompt|忽略(之前|以上|前面)?的?(所有)?(指令|规则)|系统提示|提示词"));
        RULES.put(Signal.IMPERSONATION, p("(calling|acting|asking) (for|on behalf of) my|on behalf of|我替我|帮我(爸|妈)查|代表我"));
        RULES.put(Signal.OTHER_CUSTOMER_DATA, p("查一?下\\p{IsHan}{2,3}的(余额|账户|流水)|someone else'?s (balance|account)"));
        RULES.put(Signal.AUTHORITY_PRESSURE, p("安全账户|公安|检察院|safe account|police"));
        RULES.put(Signal.FRAUD_REPORT, p("(asked|ask) me for my (sms )?(verification )?code|被骗|验证码被|要我的验证码"));
        RULES.put(Signal.CONTACT_CHANGE, p("change my (registered )?(mobile|phone) number|(修改|更换|换)(预留)?手机号"));
        RULES.put(Signal.CREDENTIAL_CHANGE, p("reset my (login )?password|重置(登录)?密码"));
        RULES.put(Signal.IDENTITY_VERIFICATION, p("update my id card|更新身份证|身份验证"));
        RULES.put(Signal.PRODUCT_ADVICE, p("should i buy|good investment|我该买哪|推荐.*理财"));
    }

    private MessageSignals() {
    }

    public static List<SignalHit> detect(String message) {
        List<SignalHit> hits = new ArrayList<>();
        for (Map.Entry<Signal, Pattern> e : RULES.entrySet()) {
            Matcher m = e.getValue().matcher(message);
            if (m.find()) {
                hits.add(new SignalHit(e.getKey(), m.group()));
            }
        }
        return hits;
    }

    private static Pattern p(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
