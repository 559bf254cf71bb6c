package com.northbridge.assistant.chat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads form fields out of a customer's free text for the offline engine, using the field names of the
 * validate_form tool. Labelled fields come first, as customers paste them ("收款账号：6217…", "amount 80000",
 * "手机1381234567"); what is still missing is then looked for in the running text ("my ID is 1101…, mobile
 * 138…, I want to borrow 50,000 over 24 months"). Values are passed on as written, only normalised (digits
 * without spaces, "3万" as 30000), so that the validator and not this class judges them.
 */
final class FormFields {

    /** What a label names, before the form decides the field ("name" is payeeName, name or fullName). */
    private enum Label {
        FROM("付款账户|付款账号|转出账户|转出账号", "from account|fromaccount|from"),
        PAYEE_NAME("收款人姓名|收款人名称|收款人|收款方|户名", "payee name|payeename|payee|recipient|beneficiary"),
        NAME("申请人姓名|申请人|姓名|名字", "full name|fullname|name"),
        PAYEE_ACCOUNT("收款账号|收款账户|收款卡号", "payee account number|payee account|payeeaccount"),
        ACCOUNT("账号|卡号|银行卡号|账户", "account number|account|acct|card number|card"),
        BANK("开户银行|开户行|银行名称", "bank name|bankname|bank"),
        AMOUNT("转账金额|贷款金额|借款金额|金额", "loan amount|amount"),
        CURRENCY("币种|货币", "currency"),
        DATE("转账日期|执行日期|日期", "execution date|executiondate|date"),
        PURPOSE("贷款用途|转账用途|用途", "purpose"),
        BIC("BIC|SWIFT", "swift code|bic code|bic|swift"),
        NEW_MOBILE("新手机号码|新手机号|新手机", "new mobile number|new mobile|newmobile|new phone"),
        CURRENT_MOBILE("原手机号码|原手机号|旧手机号|原手机", "current mobile|currentmobile|old mobile"),
        MOBILE("手机号码|手机号|手机|电话", "mobile number|mobile|phone"),
        EMAIL("新电子邮箱|新邮箱|电子邮箱|邮箱", "new e-mail|new email|newemail|e-mail|email"),
        ADDRESS("新联系地址|新地址|联系地址|地址", "new address|newaddress|address"),
        RESIDENT_ID("身份证号码|身份证号|身份证", "resident id number|resident id|residentid|id number|id"),
        TERM("贷款期限|期限", "term months|termmonths|loan term|term"),
        INCOME_MONTHS("收入记录月数|收入证明月数|收入月数|收入记录|流水", "months of income records|income months|incomemonths|months of income"),
        INCOME("月收入|每月收入|月薪", "monthly income|monthlyincome|income|salary");

        final String chinese;
        final String english;

        Label(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }
    }

    private static final List<Map.Entry<Pattern, Label>> LABELS = labels();
    /** Lines, and the separators customers use between fields written on one line. */
    private static final Pattern SEGMENTS = Pattern.compile("\\R|[|;；，]|(?<!\\d)/(?!\\d)|,(?![\\d ])|(?<=[\\p{IsHan}]),");
    private static final Pattern SEPARATOR = Pattern.compile("^\\s*(?:\\((?:months?|月)\\)|（月）|\\(月\\))?\\s*(?:[:：=]|is\\b|是|为)?\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("(-?\\d[\\d,]*(?:\\.\\d+)?)\\s*(万|千|k|w)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHINESE_NUMBER = Pattern.compile("[零〇一二两三四五六七八九十百千万亿]+");

    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![\\dA-Za-z])(\\d{17}[\\dXx])(?![\\dA-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<![\\d])(?:\\+?86[ -]?)?(1\\d{2}[ -]?\\d{4}[ -]?\\d{4})(?![\\d])");
    private static final Pattern CARD = Pattern.compile("(?<!\\d)(\\d{4}[ -]?\\d{4}[ -]?\\d{4}[ -]?\\d{4}(?:[ -]?\\d{1,3})?)(?!\\d)");
    private static final Pattern IBAN = Pattern.compile("\\b([A-Z]{2}\\d{2}(?:\\s?[A-Z0-9]{4}){2,7}(?:\\s?[A-Z0-9]{1,4})?)\\b");
    private static final Pattern BIC = Pattern.compile("(?i)(?:bic|swift)\\s*(?:code)?\\s*[:：]?\\s*([A-Z0-9]{6,11})\\b");
    private static final Pattern EMAIL = Pattern.compile("([\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)*)");
    private static final Pattern TERM = Pattern.compile("(?i)(?:分|期限|term\\s*(?:of)?\\s*)?(\\d{1,3})\\s*(?:个月|期|months?)(?!\\s*(?:的)?(?:收入|工资|流水|income|of income|of payslips|of pay|salary|ago))");
    private static final Pattern INCOME_MONTHS = Pattern.compile("(?i)(?:流水|收入记录)\\s*(\\d{1,3})\\s*个?月|(\\d{1,3})\\s*(?:个月的?(?:收入|工资|流水)|months? of (?:income|salary|pay|payslips|pay slips|bank statements))");
    private static final Pattern INCOME = Pattern.compile("(?i)(?:月收入|月薪|每月收入|monthly income|income|salary)\\D{0,12}?(\\d[\\d,]*(?:\\.\\d+)?\\s*[万千kw]?)");
    private static final Pattern NAME = Pattern.compile("(?i)(?:姓名|名字|name)\\s*(?:is|是|为)?\\s*[:：]?\\s*([\\p{IsHan}]{2,4}|[A-Z][a-z]+(?: [A-Z][a-z]+)+)");
    private static final Pattern BANK = Pattern.compile("(?i)([\\p{IsHan}A-Za-z ]{2,30}?(?:银行|Bank))");
    private static final Pattern PURPOSE = Pattern.compile("(?i)(?:用途|用于|用来|purpose)\\s*(?:is|是)?\\s*[:：]?\\s*([^,，。;；\\n]{2,60})");
    private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern LOAN = Pattern.compile("(?i)贷款|借款|随心贷|借\\d|借[一二两三四五六七八九十]|想借|loan|borrow");
    private static final Pattern CONTACT = Pattern.compile("(?i)换手机|改手机|新手机号|原手机号|手机号变更|修改手机|联系方式|新邮箱|新地址|contact (details|change)|new (?:mobile|phone|number|e-?mail|address)|change (?:my )?(?:mobile|phone|number|e-?mail|address)");
    private static final Pattern PAYEE = Pattern.compile("(?i)添加收款人|新增收款人|新收款人|加收款人|添加.{0,6}为收款人|add (?:a )?(?:new )?payee|new payee|as a payee");

    private FormFields() {
    }

    static String formOf(String text) {
        if (CONTACT.matcher(text).find()) {
            return "contact_change";
        }
        Map<Label, String> labelled = labelled(text);
        if (LOAN.matcher(text).find() || labelled.containsKey(Label.INCOME) || labelled.containsKey(Label.INCOME_MONTHS)
                || labelled.containsKey(Label.TERM) || labelled.containsKey(Label.RESIDENT_ID) && !labelled.containsKey(Label.PAYEE_ACCOUNT)) {
            return "loan_application";
        }
        if (PAYEE.matcher(text).find() || labelled.containsKey(Label.BANK) && !labelled.containsKey(Label.AMOUNT)) {
            return "new_payee";
        }
        return "transfer";
    }

    static Map<String, String> extract(String text) {
        String form = formOf(text);
        Map<String, String> f = new LinkedHashMap<>();
        labelled(text).forEach((label, value) -> field(form, label).ifPresent(name -> f.putIfAbsent(name, normalise(label, value))));
        running(text, form, f);
        return f;
    }

    /** The field a label fills on this form, if the form has one. */
    private static Optional<String> field(String form, Label label) {
        String name = switch (form) {
            case "transfer" -> switch (label) {
                case FROM -> "fromAccount";
                case PAYEE_NAME, NAME -> "payeeName";
                case PAYEE_ACCOUNT, ACCOUNT -> "payeeAccount";
                case AMOUNT -> "amount";
                case CURRENCY -> "currency";
                case DATE -> "executionDate";
                case PURPOSE -> "purpose";
                case BIC -> "bic";
                default -> null;
            };
            case "new_payee" -> switch (label) {
                case PAYEE_NAME, NAME -> "name";
                case PAYEE_ACCOUNT, ACCOUNT -> "account";
                case BANK -> "bankName";
                case MOBILE -> "mobile";
                case BIC -> "bic";
                default -> null;
            };
            case "loan_application" -> switch (label) {
                case NAME, PAYEE_NAME -> "fullName";
                case RESIDENT_ID -> "residentId";
                case MOBILE -> "mobile";
                case AMOUNT -> "amount";
                case TERM -> "termMonths";
                case PURPOSE -> "purpose";
                case INCOME -> "monthlyIncome";
                case INCOME_MONTHS -> "incomeMonths";
                default -> null;
            };
            default -> switch (label) {
                case RESIDENT_ID -> "residentId";
                case CURRENT_MOBILE -> "currentMobile";
                case NEW_MOBILE, MOBILE -> "newMobile";
                case EMAIL -> "newEmail";
                case ADDRESS -> "newAddress";
                default -> null;
            };
        };
        return Optional.ofNullable(name);
    }

    /**
     * Labelled values: in each segment (a line, or a part between separators) every Chinese label and an
     * English label at the start of the segment; a value runs to the next label or the end of the segment.
     * The first value of a label counts.
     */
    private static Map<Label, String> labelled(String text) {
        Map<Label, String> out = new EnumMap<>(Label.class);
        for (String segment : SEGMENTS.split(text)) {
            List<int[]> found = new ArrayList<>(); // start, end, label ordinal
            for (Map.Entry<Pattern, Label> e : LABELS) {
                Matcher m = e.getKey().matcher(segment);
                while (m.find()) {
                    int start = m.start(1);
                    int end = m.end(1);
                    boolean overlaps = found.stream().anyMatch(x -> start < x[1] && end > x[0]);
                    if (!overlaps) {
                        found.add(new int[] {start, end, e.getValue().ordinal()});
                    }
                }
            }
            found.sort((x, y) -> Integer.compare(x[0], y[0]));
            for (int i = 0; i < found.size(); i++) {
                int[] x = found.get(i);
                int end = i + 1 < found.size() ? found.get(i + 1)[0] : segment.length();
                String value = SEPARATOR.matcher(segment.substring(x[1], end)).replaceFirst("")
                        .replaceAll("[\\s。.!！?？、]+$", "").strip();
                out.putIfAbsent(Label.values()[x[2]], value);
            }
        }
        return out;
    }

    /** Labels longest first, so that "收款账号" wins over "账号" and "monthly income" over "income". */
    private static List<Map.Entry<Pattern, Label>> labels() {
        List<Map.Entry<String, Label>> words = new ArrayList<>();
        for (Label l : Label.values()) {
            for (String w : l.chinese.split("\\|")) {
                words.add(Map.entry(w, l));
            }
            for (String w : l.english.split("\\|")) {
                words.add(Map.entry(w, l));
            }
        }
        words.sort((a, b) -> Integer.compare(b.getKey().length(), a.getKey().length()));
        List<Map.Entry<Pattern, Label>> out = new ArrayList<>();
        for (Map.Entry<String, Label> w : words) {
            boolean latin = w.getKey().matches("[A-Za-z][A-Za-z -]*");
            // An English label opens its segment and is followed by a value; a Chinese one opens it or follows a
            // space or 的 ("对方的卡号是…"), so that "新增收款人" is not the label 收款人.
            Pattern p = latin
                    ? Pattern.compile("^\\s*(" + Pattern.quote(w.getKey()) + ")(?![A-Za-z])(?=\\s*(?:\\([a-z]+\\))?\\s*(?:[:：=]|\\s+\\S|$))", Pattern.CASE_INSENSITIVE)
                    : Pattern.compile("(?:^|(?<=[\\s的]))(" + Pattern.quote(w.getKey()) + ")");
            out.add(Map.entry(p, w.getValue()));
        }
        return out;
    }

    private static String normalise(Label label, String value) {
        return switch (label) {
            case AMOUNT, INCOME -> number(value).orElse(value);
            case TERM, INCOME_MONTHS -> {
                Matcher m = Pattern.compile("\\d+").matcher(value);
                yield m.find() ? m.group() : value;
            }
            case MOBILE, NEW_MOBILE, CURRENT_MOBILE -> value.matches("[+\\d][\\d -]*") ? value.replaceFirst("^\\+?86[ -]?(?=1)", "").replaceAll("[ -]", "") : value;
            case ACCOUNT, PAYEE_ACCOUNT, FROM -> value.matches("[\\dA-Za-z][\\dA-Za-z -]*\\d") ? value.replaceAll("[ -]", "") : value;
            case RESIDENT_ID -> value.replace(" ", "").toUpperCase(Locale.ROOT);
            default -> value;
        };
    }

    /** "3万" 30000, "18000 a month" 18000, "-500" -500, "五千" 5000; empty when there is no number. */
    private static Optional<String> number(String value) {
        Matcher m = NUMBER.matcher(value);
        if (m.find()) {
            java.math.BigDecimal n = new java.math.BigDecimal(m.group(1).replace(",", ""));
            String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
            n = switch (unit) {
                case "万", "w" -> n.multiply(java.math.BigDecimal.valueOf(10_000));
                case "千", "k" -> n.multiply(java.math.BigDecimal.valueOf(1_000));
                default -> n;
            };
            return Optional.of(n.stripTrailingZeros().toPlainString());
        }
        Matcher c = CHINESE_NUMBER.matcher(value);
        if (c.find()) {
            return ChineseNumber.parse(c.group()).map(java.math.BigDecimal::toPlainString);
        }
        return Optional.empty();
    }

    /** Fields that were not labelled, looked for in the running text. */
    private static void running(String text, String form, Map<String, String> f) {
        String rest = text;
        Matcher id = RESIDENT_ID.matcher(rest);
        if (id.find()) {
            if (form.equals("loan_application") || form.equals("contact_change")) {
                f.putIfAbsent("residentId", id.group(1).toUpperCase(Locale.ROOT));
            }
            rest = rest.replace(id.group(1), " ");
        }
        Matcher card = CARD.matcher(rest);
        Matcher iban = IBAN.matcher(rest);
        String account = card.find() ? card.group(1) : iban.find() ? iban.group(1) : null;
        if (account != null) {
            rest = rest.replace(account, " ");
            if (form.equals("transfer") || form.equals("new_payee")) {
                f.putIfAbsent(form.equals("new_payee") ? "account" : "payeeAccount", account.replaceAll("[ -]", ""));
            }
        }
        Matcher mobile = MOBILE.matcher(rest);
        if (mobile.find()) {
            rest = rest.replace(mobile.group(1), " ");
            if (!form.equals("transfer")) {
                f.putIfAbsent(form.equals("contact_change") ? "newMobile" : "mobile", mobile.group(1).replaceAll("[ -]", ""));
            }
        }
        Matcher email = EMAIL.matcher(text);
        if (email.find() && form.equals("contact_change")) {
            f.putIfAbsent("newEmail", email.group(1));
        }
        Matcher bic = BIC.matcher(text);
        if (bic.find() && (form.equals("transfer") || form.equals("new_payee"))) {
            f.putIfAbsent("bic", bic.group(1));
        }
        Matcher name = NAME.matcher(text);
        String nameField = switch (form) {
            case "loan_application" -> "fullName";
            case "new_payee" -> "name";
            case "transfer" -> "payeeName";
            default -> null;
        };
        if (nameField != null && !f.containsKey(nameField)) {
            if (name.find()) {
                f.put(nameField, name.group(1));
            } else if (form.equals("transfer")) {
                SlotExtractor.extract(text, java.time.LocalDate.now()).payee().ifPresent(p -> f.put("payeeName", p));
            }
        }
        Matcher bank = BANK.matcher(text);
        if (form.equals("new_payee") && !f.containsKey("bankName") && bank.find()) {
            f.put("bankName", bank.group(1).strip());
        }
        if (form.equals("loan_application")) {
            Matcher incomeMonths = INCOME_MONTHS.matcher(text);
            if (!f.containsKey("incomeMonths") && incomeMonths.find()) {
                f.put("incomeMonths", incomeMonths.group(1) != null ? incomeMonths.group(1) : incomeMonths.group(2));
            }
            Matcher term = TERM.matcher(rest);
            while (!f.containsKey("termMonths") && term.find()) {
                if (!term.group(1).equals(f.get("incomeMonths"))) {
                    f.put("termMonths", term.group(1));
                }
            }
            Matcher income = INCOME.matcher(text);
            if (!f.containsKey("monthlyIncome") && income.find()) {
                number(income.group(1)).ifPresent(v -> f.put("monthlyIncome", v));
            }
        }
        if (!f.containsKey("amount") && !form.equals("contact_change") && !form.equals("new_payee")) {
            String amountText = INCOME.matcher(rest).replaceAll(" ");
            amountText = TERM.matcher(amountText).replaceAll(" ");
            amountText = INCOME_MONTHS.matcher(amountText).replaceAll(" ");
            SlotExtractor.extract(amountText, java.time.LocalDate.now()).amount().ifPresent(a -> {
                f.put("amount", a.value().toPlainString());
                if (!"CNY".equals(a.currency()) && !f.containsKey("currency")) {
                    f.put("currency", a.currency());
                }
            });
        }
        Matcher purpose = PURPOSE.matcher(text);
        if (!f.containsKey("purpose") && purpose.find() && !form.equals("contact_change") && !form.equals("new_payee")) {
            f.put("purpose", purpose.group(1).strip());
        }
        Matcher date = DATE.matcher(text);
        if (!f.containsKey("executionDate") && date.find() && form.equals("transfer")) {
            f.put("executionDate", date.group(1));
        }
    }
}
