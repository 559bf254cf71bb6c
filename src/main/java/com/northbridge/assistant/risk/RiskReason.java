package com.northbridge.assistant.risk;

import static com.northbridge.assistant.risk.RiskLevel.BLUE;
import static com.northbridge.assistant.risk.RiskLevel.RED;
import static com.northbridge.assistant.risk.RiskLevel.YELLOW;

import java.util.Locale;

/**
 * THE RISK POLICY. One row per reason: the level it forces, whether the assistant may still answer at all,
 * and what it means in plain words for reviewers. {@link RiskGate} decides which rows apply to a turn or a
 * tool call; a turn's level is the highest level of its rows, so nothing a model writes can lower it.
 *
 * <pre>
 * reason                 level   when                                                       the assistant
 * FUND_OPERATION         red     a transfer is asked for, or request_transfer is called      answers; a transfer only becomes a review case
 * RISK_CHECK_FLAG        red     the transfer risk check flags the request                  answers; the case carries the check's reasons
 * CONTACT_CHANGE         red     change of mobile number, e-mail or address                 answers from documents; opens a case
 * CREDENTIAL_CHANGE      red     password reset, unlocking, binding a device                answers from documents; opens a case
 * IDENTITY_VERIFICATION  red     verifying identity, updating the ID card                   answers from documents; opens a case
 * FRAUD_REPORT           red     the customer describes a scam or a suspicious request      answers from documents; opens a case
 * IMPERSONATION          red     acting for another person                                  refuses with a fixed reply; opens a case
 * AUTHORITY_PRESSURE     red     police / "safe account" / urgency pressure                 refuses with a fixed reply; opens a case
 * OTHER_CUSTOMER_DATA    red     asks for, or a tool call reaches, another customer's data  refuses with a fixed reply; opens a case
 *                                or an answer would show it                                  (the answer is replaced by the refusal)
 * PROMPT_INJECTION       red     instructions aimed at the assistant, jailbreaks            refuses with a fixed reply; opens a case
 * OWN_ACCOUNT_READ       yellow  balance or transactions of the customer's own accounts     executes; logged, sampled
 * FORM_HELP              yellow  form validation or help filling in a form                  executes; logged, sampled
 * PRODUCT_ADVICE         yellow  sounds like a request for advice about products            answers with rules only; logged, sampled
 * NEGATIVE_EMOTION       yellow  strong frustration, anger or anxiety                       answers calmly, hands over to a person
 * LOW_CONFIDENCE         yellow  a question the documents did not answer                    says it does not know; logged, sampled
 * DOCUMENT_ANSWER        blue    a general question answered from the documents             automatic
 * </pre>
 */
public enum RiskReason {
    FUND_OPERATION(RED, false, "The customer asked to move money; only a reviewer can let a transfer go.", "客户要求转账；转账只有经审核员批准才能执行。"),
    RISK_CHECK_FLAG(RED, false, "The transfer risk check flagged this request.", "转账风险检查标记了这笔申请。"),
    CONTACT_CHANGE(RED, false, "The customer wants to change contact details (mobile, e-mail, address).", "客户要求变更联系方式（手机号、邮箱、地址）。"),
    CREDENTIAL_CHANGE(RED, false, "The customer wants to reset or change credentials or devices.", "客户要求重置或变更密码、解锁或绑定设备。"),
    IDENTITY_VERIFICATION(RED, false, "The customer asks for identity verification or an ID update.", "客户要求身份核验或更新身份证件。"),
    FRAUD_REPORT(RED, false, "The customer describes a possible scam or a suspicious request.", "客户描述了可能的诈骗或可疑要求。"),
    IMPERSONATION(RED, true, "Someone says they act for another person.", "对方声称代他人办理业务。"),
    AUTHORITY_PRESSURE(RED, true, "Urgency or authority pressure typical of scams (police, safe account).", "出现冒充公检法、“安全账户”等典型诈骗施压话术。"),
    OTHER_CUSTOMER_DATA(RED, true, "An attempt to reach another customer's data, or an answer that would have shown it.",
            "试图获取其他客户的信息，或回答中出现了其他客户的信息（已拦截）。"),
    PROMPT_INJECTION(RED, true, "An attempt to give the assistant instructions or extract its prompt.", "试图向助手注入指令或套取提示词。"),
    OWN_ACCOUNT_READ(YELLOW, false, "Read of the customer's own account data.", "查询客户本人的账户数据。"),
    FORM_HELP(YELLOW, false, "Help with filling in or checking a form.", "协助填写或校验表单。"),
    PRODUCT_ADVICE(YELLOW, false, "Sounds like a request for product advice.", "疑似请求产品投资建议。"),
    NEGATIVE_EMOTION(YELLOW, false, "Strong negative emotion; handed to a person.", "客户情绪强烈，已转人工。"),
    LOW_CONFIDENCE(YELLOW, false, "The documents did not answer the question.", "知识文档未能回答该问题。"),
    DOCUMENT_ANSWER(BLUE, false, "A general question answered from the documents.", "根据文档回答的一般性问题。");

    private final RiskLevel level;
    private final boolean refuses;
    private final String english;
    private final String chinese;

    RiskReason(RiskLevel level, boolean refuses, String english, String chinese) {
        this.level = level;
        this.refuses = refuses;
        this.english = english;
        this.chinese = chinese;
    }

    public RiskLevel level() {
        return level;
    }

    /** The model is not called at all: the turn gets a fixed safe reply. */
    public boolean refuses() {
        return refuses;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Plain words for reviewers. */
    public String describe(boolean chineseText) {
        return chineseText ? chinese : english;
    }

    public static RiskReason fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
