package com.northbridge.assistant.risk;

import java.util.Locale;

/**
 * The rules of the transfer risk check, each with the points it adds to the score. A request scoring
 * {@link TransferRiskCheck#FLAG_SCORE} or more is flagged (a hard rule alone scores that much).
 */
public enum TransferRule {
    OVER_SINGLE_LIMIT(60, "over the single-transfer limit of the account", "超过账户单笔转账限额"),
    OVER_DAILY_LIMIT(60, "today's transfers would exceed the daily limit", "今日累计转账将超过日限额"),
    TOO_MANY_TODAY(60, "the most transfers allowed per day have been made", "今日转账笔数已达上限"),
    INSUFFICIENT_FUNDS(60, "the balance does not cover the amount", "余额不足"),
    WATCHLISTED_PAYEE(100, "the payee account is on the fraud watch list", "收款账户在风险名单上"),
    NEW_PAYEE(20, "the payee is new or not saved", "收款人为新添加或未保存的收款人"),
    NEW_PAYEE_CAP(50, "over the 5,000 cap for a payee added in the last 24 hours", "超过新收款人24小时内5,000元的限额"),
    VELOCITY(40, "several transfers within the last hour", "一小时内多笔转账"),
    UNUSUAL_HOUR(30, "a large transfer between midnight and 06:00", "凌晨0点至6点的大额转账"),
    FAR_ABOVE_HISTORY(35, "far above the customer's usual transfers", "远高于客户以往的转账金额"),
    STRUCTURING(50, "a round amount just under the 50,000 reporting threshold, or repeatedly so", "金额接近且低于5万元报告门槛（疑似拆分）"),
    AFTER_CONTACT_CHANGE(50, "a large transfer soon after a change of contact details", "变更联系方式后不久的大额转账");

    private final int points;
    private final String english;
    private final String chinese;

    TransferRule(int points, String english, String chinese) {
        this.points = points;
        this.english = english;
        this.chinese = chinese;
    }

    public int points() {
        return points;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String describe(boolean chineseText) {
        return chineseText ? chinese : english;
    }
}
