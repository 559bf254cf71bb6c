package com.northbridge.assistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QualifiersTest {

    @Test
    void a_rule_for_yuan_deposits_does_not_answer_a_dollar_deposit_question() {
        String yuanRule = "From 1 July 2026, a 1-year time deposit pays 1.35% a year.";
        assertThat(Qualifiers.covered("whats the interest on a 1 year USD time deposit", yuanRule)).isFalse();
        assertThat(Qualifiers.covered("美元存一年定期利息多少", "一年期整存整取年利率1.35%。")).isFalse();
        assertThat(Qualifiers.covered("what's the 1 year time deposit rate", yuanRule)).isTrue();
    }

    @Test
    void wallets_companies_devices_housing_fund_and_instalments_must_be_named_in_the_answer() {
        assertThat(Qualifiers.covered("北桥的卡绑微信支付每天能付多少钱", "手机银行转账每日累计不超过20万元。")).isFalse();
        assertThat(Qualifiers.covered("What do I need to open a business account?", "To open a personal account you need a resident ID card.")).isFalse();
        assertThat(Qualifiers.covered("is there a version for iPad", "You can bind at most 3 devices to your app login.")).isFalse();
        assertThat(Qualifiers.covered("公积金贷款利率多少", "个人住房贷款利率以5年期LPR为基准。")).isFalse();
        assertThat(Qualifiers.covered("信用卡账单分12期 手续费率是多少", "取现手续费为1%。")).isFalse();
        assertThat(Qualifiers.covered("信用卡分期手续费多少", "账单分期的手续费按期收取。")).isTrue();
    }
}
