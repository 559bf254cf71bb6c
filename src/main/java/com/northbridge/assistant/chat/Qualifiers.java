package com.northbridge.assistant.chat;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Words that change which rule applies. A question about a US-dollar deposit, a company account or paying
 * through a third-party wallet is not answered by the bank's rule for yuan deposits, personal accounts or its
 * own app, however many other words they share; an offline answer quoting that rule would state a wrong rate
 * or limit with a citation. When the question names one of these and the best sentence found does not, the
 * offline engine says it does not know.
 */
final class Qualifiers {

    private static final List<Pattern> GROUPS = List.of(
            // a currency other than the yuan
            Pattern.compile("(?i)\\b(usd|us\\$|dollars?|eur|euros?|gbp|sterling|hkd|jpy|yen|aud|cad)\\b|美元|美金|欧元|英镑|港币|港元|日元|澳元|外币"),
            // business customers rather than private persons
            Pattern.compile("(?i)\\b(business|company|companies|corporate|enterprise|sole trader)\\b|企业|公司|对公|个体工商户"),
            // payment through another company's wallet
            Pattern.compile("(?i)apple\\s*pay|google\\s*pay|samsung\\s*pay|wechat|alipay|微信|支付宝|云闪付"),
            // devices other than a phone
            Pattern.compile("(?i)\\b(ipad|tablet|smart\\s*watch|apple watch)\\b|平板|智能手表"),
            // the housing provident fund
            Pattern.compile("(?i)provident fund|公积金"),
            // paying a bill or a purchase in instalments
            Pattern.compile("(?i)\\binstal+ments?\\b|分\\s*\\d*\\s*期"));

    private Qualifiers() {
    }

    /** Whether every qualifier the question names is named in the sentence that answers it. */
    static boolean covered(String question, String sentence) {
        for (Pattern group : GROUPS) {
            if (group.matcher(question).find() && !group.matcher(sentence).find()) {
                return false;
            }
        }
        return true;
    }
}
