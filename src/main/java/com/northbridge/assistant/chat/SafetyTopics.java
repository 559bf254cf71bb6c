package com.northbridge.assistant.chat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.northbridge.assistant.risk.RiskDecision;
import com.northbridge.assistant.risk.RiskReason;
import com.northbridge.assistant.text.Language;

/**
 * What a customer must hear when the gate sees a scam report, a change of contact details, credentials or
 * identity, or a request for investment advice: the bank's own rule on that topic, retrieved and cited. The customer's words ("need to update
 * my mobile to 136...") rarely share terms with the rule ("for 48 hours after the registered mobile number is
 * changed, transfers are capped"), so the turn also searches with the topic's words and the rule reaches the
 * model (and the offline engine) beside what the message found.
 */
final class SafetyTopics {

    private record Topic(String en, String zh) {
        String in(Language language) {
            return language == Language.ZH ? zh : en;
        }
    }

    private static final Map<RiskReason, Topic> TOPICS = new EnumMap<>(Map.of(
            RiskReason.FRAUD_REPORT, new Topic(
                    "scam fraud staff never ask for verification code password safe account",
                    "诈骗 工作人员不会索要验证码 密码 安全账户"),
            RiskReason.CONTACT_CHANGE, new Topic(
                    "change of registered mobile number transfers capped for 48 hours",
                    "变更登记的手机号码后48小时内转账限额"),
            RiskReason.CREDENTIAL_CHANGE, new Topic(
                    "bind a new phone device face verification SMS code password reset",
                    "绑定新手机设备 人脸识别 短信验证码 重置密码"),
            RiskReason.IDENTITY_VERIFICATION, new Topic(
                    "identity document expired update ID card at a branch verification",
                    "身份证件过期 更新身份证 网点柜台 身份核验"),
            // Advice is not ours to give; what decides which products a customer may buy is.
            RiskReason.PRODUCT_ADVICE, new Topic(
                    "wealth product risk level R1 to R5 only buy products at or below your risk rating questionnaire",
                    "理财产品风险等级R1至R5 只能购买不高于自己风险承受能力评级的产品 风险评估问卷")));

    private SafetyTopics() {
    }

    /** The words to search for the rules behind the turn's reasons, when it has any. */
    static Optional<String> query(RiskDecision risk, Language language) {
        List<String> queries = TOPICS.entrySet().stream().filter(e -> risk.has(e.getKey())).map(e -> e.getValue().in(language)).toList();
        return queries.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", queries));
    }
}
