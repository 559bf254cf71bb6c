package com.northbridge.assistant.chat;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads form fields out of a customer's free text for the offline engine ("my ID is 1101…, mobile 138…,
 * I want to borrow 50,000 over 24 months to buy a flat"), using the field names of the validate_form tool.
 */
final class FormFields {

    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![\\dA-Za-z])(\\d{17}[\\dXx])(?![\\dA-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<![\\d])(?:\\+?86[ -]?)?(1\\d{2}[ -]?\\d{4}[ -]?\\d{4})(?![\\d])");
    private static final Pattern CARD = Pattern.compile("(?<!\\d)(\\d{4}[ -]?\\d{4}[ -]?\\d{4}[ -]?\\d{4}(?:[ -]?\\d{1,3})?)(?!\\d)");
    private static final Pattern IBAN = Pattern.compile("\\b([A-Z]{2}\\d{2}(?:\\s?[A-Z0-9]{4}){2,7}(?:\\s?[A-Z0-9]{1,4})?)\\b");
    private static final Pattern BIC = Pattern.compile("(?i)(?:bic|swift)\\s*(?:code)?\\s*[:：]?\\s*([A-Z0-9]{8,11})\\b");
    private static final Pattern EMAIL = Pattern.compile("([\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+)");
    private static final Pattern TERM = Pattern.compile("(?i)(\\d{1,3})\\s*(?:个月|期|months?)(?!\\s*(?:的)?(?:收入|工资|income|of income|salary))");
    private static final Pattern INCOME_MONTHS = Pattern.compile("(?i)(\\d{1,3})\\s*(?:个月的?(?:收入|工资|流水)|months? of (?:income|salary|pay))");
    private static final Pattern INCOME = Pattern.compile("(?i)(?:月收入|月薪|每月收入|monthly income|income|salary)\\D{0,12}?(\\d[\\d,]*(?:\\.\\d+)?)");
    private static final Pattern NAME = Pattern.compile("(?i)(?:姓名|名字|name)\\s*(?:is|是|为)?\\s*[:：]?\\s*([\\p{IsHan}]{2,4}|[A-Z][a-z]+(?: [A-Z][a-z]+)+)");
    private static final Pattern BANK = Pattern.compile("(?i)([\\p{IsHan}A-Za-z ]{2,30}?(?:银行|Bank))");
    private static final Pattern PURPOSE = Pattern.compile("(?i)(?:用途|用于|用来|purpose|for)\\s*(?:is|是)?\\s*[:：]?\\s*([^,，。;；\\n]{2,60})");
    private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern LOAN = Pattern.compile("(?i)贷款|借款|随心贷|借\\d|loan|borrow");
    private static final Pattern CONTACT = Pattern.compile("(?i)换手机|改手机|新手机号|手机号变更|修改手机|联系方式|邮箱|地址|contact details|new (?:mobile|phone|number|e-?mail|address)|change (?:my )?(?:mobile|phone|number|e-?mail|address)");
    private static final Pattern PAYEE = Pattern.compile("(?i)添加收款人|新增收款人|新收款人|add (?:a )?(?:new )?payee|new payee");

    private FormFields() {
    }

    static String formOf(String text) {
        if (LOAN.matcher(text).find()) {
            return "loan_application";
        }
        if (PAYEE.matcher(text).find()) {
            return "new_payee";
        }
        if (CONTACT.matcher(text).find()) {
            return "contact_change";
        }
        return "transfer";
    }

    static Map<String, String> extract(String text) {
        String form = formOf(text);
        Map<String, String> f = new LinkedHashMap<>();
        String rest = text;
        Matcher id = RESIDENT_ID.matcher(rest);
        if (id.find()) {
            f.put("residentId", id.group(1).toUpperCase(Locale.ROOT));
            rest = rest.replace(id.group(1), " ");
        }
        Matcher card = CARD.matcher(rest);
        Matcher iban = IBAN.matcher(rest);
        String account = card.find() ? card.group(1).replaceAll("[ -]", "") : iban.find() ? iban.group(1).replace(" ", "") : null;
        if (account != null) {
            rest = rest.replace(card.hitEnd() ? account : account, " ");
            f.put(form.equals("new_payee") ? "account" : "payeeAccount", account);
        }
        Matcher mobile = MOBILE.matcher(rest);
        if (mobile.find()) {
            f.put(form.equals("contact_change") ? "newMobile" : "mobile", mobile.group(1).replaceAll("[ -]", ""));
        }
        Matcher email = EMAIL.matcher(text);
        if (email.find()) {
            f.put("newEmail", email.group(1));
        }
        Matcher bic = BIC.matcher(text);
        if (bic.find()) {
            f.put("bic", bic.group(1));
        }
        Matcher name = NAME.matcher(text);
        if (name.find()) {
            f.put(switch (form) {
                case "loan_application" -> "fullName";
                case "new_payee" -> "name";
                default -> "payeeName";
            }, name.group(1));
        } else if (form.equals("transfer")) {
            SlotExtractor.extract(text, java.time.LocalDate.now()).payee().ifPresent(p -> f.put("payeeName", p));
        }
        Matcher bank = BANK.matcher(text);
        if (form.equals("new_payee") && bank.find()) {
            f.put("bankName", bank.group(1).strip());
        }
        Matcher incomeMonths = INCOME_MONTHS.matcher(text);
        if (incomeMonths.find()) {
            f.put("incomeMonths", incomeMonths.group(1));
        }
        Matcher term = TERM.matcher(text);
        while (term.find()) {
            if (!f.containsKey("incomeMonths") || !term.group(1).equals(f.get("incomeMonths"))) {
                f.put("termMonths", term.group(1));
                break;
            }
        }
        Matcher income = INCOME.matcher(text);
        if (income.find()) {
            f.put("monthlyIncome", income.group(1).replace(",", ""));
        }
        String amountText = INCOME.matcher(rest).replaceAll(" ");
        SlotExtractor.extract(amountText, java.time.LocalDate.now()).amount().ifPresent(a -> {
            f.put("amount", a.value().toPlainString());
            if (!"CNY".equals(a.currency())) {
                f.put("currency", a.currency());
            }
        });
        Matcher purpose = PURPOSE.matcher(text);
        if (purpose.find() && !form.equals("contact_change")) {
            f.put("purpose", purpose.group(1).strip());
        }
        Matcher date = DATE.matcher(text);
        if (date.find() && form.equals("transfer")) {
            f.put("executionDate", date.group(1));
        }
        return f;
    }
}
