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
            "hello! 👋|GREETING",
            "早上好呀～在吗|GREETING",
            "I complained about a double charge on monday. when should I expect an answer?|COMPLAINT",
            "been waiting 2 hours for my transfer review. this is a joke. I'm closing every account I have|COMPLAINT",
            "can you help me fix my python homework?|OUT_OF_SCOPE",
            "明天上海会下雨吗|OUT_OF_SCOPE",
            "我家楼下只有别的银行的ATM 用北桥的卡取钱收不收费啊|PRODUCT_QUESTION",
            "随心贷借出来的钱能拿去炒股或者买基金吗|PRODUCT_QUESTION",
            "How much is left on the account ending 1875?|BALANCE",
            "show me my last 5 transactions pls|BALANCE",
            "尾号9354那个账户还剩多少？|BALANCE",
            "给James Carter转5000元|TRANSFER",
            "帮我给James Carter打两万过去，这个月的房租|TRANSFER",
            "往6217070907095847打五千块，收款人刘小红|TRANSFER",
            "can u send 王芳 twenty thousand yuan, it's for the deposit on the flat|TRANSFER",
            "send money|TRANSFER",
            "My grandad only does things at the counter. What would he pay to send 8,000 to another bank there?|PRODUCT_QUESTION",
            "planning to pay in 60k cash from selling my car - will the bank have to report that?|PRODUCT_QUESTION",
            "贷款申请：黄磊，110105198802141139，13712345678，借15万，分72个月，买车。有问题吗？|FORM_HELP",
            // A transfer already made or tried is asked about, not made again; a new one in the same message still counts.
            "I made a transfer a few hours ago and it hasn't arrived. Please check on this for me.|PRODUCT_QUESTION",
            "My transfer to Li Lei is still pending, can you check it please?|PRODUCT_QUESTION",
            "I sent money to the wrong account, please help|PRODUCT_QUESTION",
            "Transfer declined. Please help|PRODUCT_QUESTION",
            "I'm trying to send money to a friend but it keeps getting rejected, can you help?|PRODUCT_QUESTION",
            "Why does my transfer say \"pending\"?|PRODUCT_QUESTION",
            "Please send me a new card, mine was stolen|PRODUCT_QUESTION",
            "please transfer 500 to Li Lei|TRANSFER",
            "Could you please transfer 2000 to Anna Smith|TRANSFER",
            "I transferred 500 to Li Lei yesterday, please send another 300 to him today|TRANSFER",
            "我昨天给李雷转了5000，怎么还没到账？|PRODUCT_QUESTION",
            "我转的钱对方说没收到，帮我查一下|PRODUCT_QUESTION",
            "转账一直显示处理中，麻烦看看|PRODUCT_QUESTION",
            "我三天前汇的款还没到，请帮我查查|PRODUCT_QUESTION",
            "帮我查一下我上午那笔转账到哪了|PRODUCT_QUESTION",
            "帮我转5000给李雷|TRANSFER",
            "请帮我给李雷转两千块|TRANSFER",
            "帮我转过去5000给李雷|TRANSFER",
            "我昨天转了1000给李雷，今天再转2000给他|TRANSFER",
    })
    void classifies_customer_messages(String message, Intent expected) {
        assertThat(IntentClassifier.classify(message)).isEqualTo(expected);
    }
}
