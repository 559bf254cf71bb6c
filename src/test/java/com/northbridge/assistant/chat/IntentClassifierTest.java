package com.northbridge.assistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntentClassifierTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "转人工|HANDOFF",
            "I want to talk to a real person|HANDOFF",
            "能不能帮我接人工客服|HANDOFF",
            "你好|GREETING",
            "hi there!|GREETING",
            "你们这什么破银行，我要投诉|COMPLAINT",
            "this is ridiculous, I've been waiting for two weeks|COMPLAINT",
            "which stocks should I buy this week|OUT_OF_SCOPE",
            "明天天气怎么样|OUT_OF_SCOPE",
            "招商银行的信用卡年费多少|OUT_OF_SCOPE",
            "我的卡里还剩多少钱|BALANCE",
            "what's my balance|BALANCE",
            "show me my recent transactions|BALANCE",
            "查一下最近的交易记录|BALANCE",
            "给李雷转5000元|TRANSFER",
            "transfer 5000 to Li Lei|TRANSFER",
            "send 5k to my landlord tomorrow|TRANSFER",
            "帮我转一万二给房东|TRANSFER",
            "I want to transfer money|TRANSFER",
            "手机银行转账限额是多少|PRODUCT_QUESTION",
            "what is the daily transfer limit in the app|PRODUCT_QUESTION",
            "how long does a transfer to another bank take|PRODUCT_QUESTION",
            "转错账了能撤回吗|PRODUCT_QUESTION",
            "can I send 80000 in one go with the sms code|PRODUCT_QUESTION",
            "定期存款一年利率多少|PRODUCT_QUESTION",
            "is my deposit insured if the bank fails|PRODUCT_QUESTION",
            "help me fill in the loan application form|FORM_HELP",
            "帮我检查一下这个收款人表单填得对不对|FORM_HELP",
    })
    void classifies_customer_messages(String message, Intent expected) {
        assertThat(IntentClassifier.classify(message)).isEqualTo(expected);
    }
}
