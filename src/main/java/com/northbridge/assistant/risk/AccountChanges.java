package com.northbridge.assistant.risk;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Requests that change who the bank reaches or who can get into an account: contact details
 * (CONTACT_CHANGE), passwords, PINs, locks and devices (CREDENTIAL_CHANGE), the identity on file
 * (IDENTITY_VERIFICATION). These are what account takeovers go through, so each opens a case even when the
 * customer only asks how it is done. A change verb needs its object next to it: "change the daily transfer
 * limit" is not a change of phone number, and a number changed in the past ("switched to a new number and
 * now my transfers are capped") is a question about limits.
 */
final class AccountChanges {

    private static final String CONTACT = "(?:(?:registered |linked |contact |bound |reserved |bank |mobile banking |account )*(?:phone|mobile|cell|cellphone|telephone|contact|sms|text)(?: phone)? (?:number|no\\.?|#)|e-?mail(?: address)?|(?:home |postal |mailing |billing |residential |registered |contact |correspondence |delivery )?address|(?:phone )?number(?! of))";
    private static final String ZH_CONTACT = "(?:手机号码?|电话号码|联系电话|联系方式|号码|邮箱|电子邮箱|邮件地址|地址|住址|联系地址|通讯地址|家庭住址|邮寄地址|账单地址)";

    static final List<Rule> CONTACT_CHANGE = Rule.all(
            Pattern.compile("\\b(?:(?:change|changing|update|updating|modify|modifying|amend|amending)(?: the| my| our| your)?|(?:edit|editing|replace|replacing|correct|correcting)(?: the| my| our))(?: (?:registered|linked|contact|old|current|existing))* (?:details (?:of|on) (?:my )?)?" + CONTACT + "\\b"),
            Pattern.compile("\\b(?:change|changing|update|updating|modify|switch|set) (?:my |the )?(?:mobile|phone|cell|e-?mail|number)(?: number| address)? to\\b|\\bnew (?:e-?mail|address|phone(?: number)?|mobile(?: number)?|contact (?:number|details)) ?:|\\bcontact (?:change|details change|update) form\\b"),
            Pattern.compile("\\bchange of (?:address|phone number|mobile number|contact details|e-?mail)\\b|\\bupdate (?:my |the )?contact (?:details|info(?:rmation)?)\\b|\\bmy (?:new )?(?:phone |mobile )?number (?:has )?changed\\b|\\bmoved (?:house|home|flat)\\b"),
            Pattern.compile("\\bnew (?:phone |mobile |cell )?number\\b[^.!?]{0,60}\\b(?:update|change|register|tell you|let you know|notify|add it|put it on|give you)\\b|\\b(?:update|change|register|tell you|let you know|notify) (?:you )?(?:of |about |with )?(?:my )?new (?:phone |mobile |cell )?(?:number|e-?mail|address)\\b"),
            Pattern.compile("(?<![兑转切交替])(?:改|修改|更改|变更|更换|换|更新|换绑|改绑|重新绑定)(?:一下)?(?:我的|银行的?|账户的?|预留的?|绑定的?|登记的?|联系的?|留的?|在你们这的?)*" + ZH_CONTACT),
            Pattern.compile("(?:预留|绑定|登记|银行|账户|留在你们这|在你们那)的?" + ZH_CONTACT + "[^。!?]{0,8}(?:改|换|更新|变更|修改)"),
            Pattern.compile("(?:手机号码?|电话号码|邮箱|地址|住址)(?:要|该|需要|想|怎么|如何|能不能|可以|在哪|去哪)+(?:里)?(?:改|换|更换|修改|变更|更新)")
    );

    private static final String SECRET = "(?:password|passcode|pin|pin code|pin number|passphrase|login|log-?in details|username|security questions?|2fa|two-factor|one-time password|token|u-?key|usb key|security key)";
    private static final String DEVICE = "(?:phone|device|mobile|iphone|android|tablet|ipad|computer|laptop|handset)";

    static final List<Rule> CREDENTIAL_CHANGE = Rule.all(
            Pattern.compile("\\b(?:reset|resetting|change|changing|update|updating|recover|recovering|retrieve|forgot|forgotten|forget|lost|new|set up a new|create a new|choose a new|unlock|unblock|unlocking|unblocking)(?: my| the| a| our)?(?: (?:online banking|mobile banking|app|login|card|atm|debit card|credit card|account|banking|transaction|payment))* " + SECRET + "s?\\b"),
            Pattern.compile("\\b(?:locked out|lock(?:ed)? me out|(?:account|card|app|login|pin|password) (?:is |got |was |has been |have been |been )?(?:locked|blocked|disabled)|(?:can'?t|cannot|unable to|couldn'?t) (?:log ?in|sign ?in|access my account|get into my account|get into the app|log on)|unlock (?:my )?(?:account|card|app|login)|unblock (?:my )?(?:account|card|pin|login)|too many (?:wrong|incorrect|failed|invalid) (?:attempts|tries|passwords|pins|pin attempts|logins?))\\b"),
            Pattern.compile("\\b(?:bind|binding|register|registering|add|adding|link|linking|set up|setup|install|installing|activate|activating|use|using|move|moving|transfer|transferring|switch|switching|put)(?: the| my)?(?: banking| mobile banking| northbridge)?(?: app| account| online banking| mobile banking)?(?: on| to| onto| with| for| over to| it on)(?: a| my| another| the)? (?:new|another|second|different|other|replacement) " + DEVICE + "\\b"),
            Pattern.compile("\\bnew " + DEVICE + "\\b.{0,80}?\\b(?:app|banking|log ?in|sign ?in|install|set ?up|register|bind|activate)\\b|\\bbind (?:it|this|that|the (?:new )?phone|my (?:new )?phone|the device|my device) (?:to|with) (?:my|the) (?:app|account|banking|mobile banking)\\b|\\b(?:bind|register|authori[sz]e|trust|add|remove|unbind) (?:a |my |the )?(?:new |trusted |another )?device\\b|\\b(?:already|logged in|signed in) on (?:my )?(?:old |other |two |three |\\d )?" + DEVICE + "s?\\b[^.!?]{0,60}\\b(?:and|but|want|also)\\b"),
            Pattern.compile("(?:重置|重设|找回|修改|更改|改|忘记|忘了|设置新|设个新|重新设置|更换|换|解锁|解除锁定)(?:一下)?[^。!?,\\s]{0,6}?(?:密码|口令|pin码?|u盾|数字证书)"),
            Pattern.compile("(?:密码|账户|账号|卡|手机银行|网银|app|登录)(?:被|已经|已|给)?(?:锁|锁定|锁住|锁死)(?:了)?|密码(?:连续|连着|多次)?输(?:错|措|入错误)(?:了)?(?:好几次|多次|几次|\\d+次|[一二三四五六七八九十两几]次)|(?:登不进去|登录不了|登不上|无法登录|登陆不了|进不去)|忘记密码|密码忘了|(?:解锁|解除锁定)(?:我的|一下)?(?:账户|账号|卡|银行卡|手机银行|网银|app|登录)"),
            Pattern.compile("(?:绑定|换绑|解绑|更换|登录|登|安装|装|激活)(?:到|在)?(?:一个|一台|了)?(?:新|另一台|新的|别的|其他的?)(?:手机|设备|平板|电脑|ipad)|(?:新手机|新设备|新的手机|另一台手机|其他手机|别的手机|平板|ipad|新电脑)(?:上)?[^。!?]{0,15}(?:手机银行|app|网银|登录|登上|登陆|安装|装|绑定|激活)|(?:换了|换个|换了个|买了个?)新手机(?!号)")
    );

    static final List<Rule> IDENTITY_VERIFICATION = Rule.all(
            Pattern.compile("\\b(?:verify|verifying|verified|confirm|confirming|prove|proving|authenticate|authenticating|validate|validating)(?: my| your| the customer's| his| her)? (?:identity|id|who i am|that i am|that it'?s me|it'?s me|it is me|i am who i say)\\b"),
            Pattern.compile("\\b(?:update|updating|renew|renewing|replace|replacing|change|changing|upload|uploading|submit|re-?submit)(?: my| a)?(?: new| renewed| updated)? (?:id|id card|identity card|identity document|passport|national id|resident id|identification|id document)(?: details| information| number| photo| copy)?\\b"),
            Pattern.compile("\\b(?:id|id card|identity card|passport|identification|id document)s? (?:has |is |was |had |have )?(?:expired|expiring|out of date|ran out|run out|runs out|about to expire|will expire|expires)\\b"),
            Pattern.compile("\\b(?:identity|id) (?:verification|check|checks|confirmation)\\b|\\bkyc\\b|\\bknow your customer\\b|\\bface (?:verification|authentication|id verification|recognition (?:check|verification))\\b|\\bselfie (?:verification|check)\\b|\\bliveness (?:check|test)\\b|\\breal-?name (?:verification|authentication)\\b"),
            Pattern.compile("身份验证|身份认证|身份核验|身份核实|验证身份|核实身份|核验身份|认证身份|验证我的身份|实名认证|实名验证|实名制认证|人脸识别认证|人脸认证|刷脸认证|活体检测|证明我是我|证明我是本人|证明是本人|本人认证|身份证(?:已经|已|快|马上|快要|即将|都)?(?:过期|到期|失效)|更新身份证|身份证(?:信息)?更新|换了新身份证|新的?身份证|上传身份证|补录身份证|重新上传身份证|更新证件|证件(?:已经|已)?(?:过期|到期|更新)")
    );

    private AccountChanges() {
    }
}
