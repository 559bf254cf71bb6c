package com.northbridge.assistant.tools;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import com.northbridge.assistant.text.Language;

/**
 * Checks a filled-in form against the bank's rules and returns every problem at once, so that the assistant can
 * ask for all corrections in one reply instead of one per turn.
 *
 * <p>Errors come in a stable order: field by field in the order the form lists them, then the rules that
 * compare fields. A field gets at most one error of its own (the first rule it breaks); cross-field rules may add
 * another. Blank values count as missing; keys the form does not know are ignored.
 */
public final class FormValidator {

    /** App channel confirmed by SMS code: per transfer and per day (transfer-limits.md 1.1). */
    private static final BigDecimal APP_SINGLE_TRANSFER_LIMIT = new BigDecimal("50000");
    private static final int MAX_DAYS_AHEAD = 365;
    private static final Currency CNY = Currency.getInstance("CNY");

    /** Easy Loan (随心贷) terms, xiaofei-daikuan.docx sections 1 and 2. */
    private static final BigDecimal LOAN_MIN = new BigDecimal("1000");
    private static final BigDecimal LOAN_MAX = new BigDecimal("300000");
    private static final int TERM_MIN_MONTHS = 6;
    private static final int TERM_MAX_MONTHS = 60;
    private static final int MIN_INCOME_MONTHS = 6;
    private static final int MIN_AGE = 22;
    private static final int MAX_AGE = 60;

    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,6}");
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9_%+-]+(?:\\.[A-Za-z0-9_%+-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}");
    private static final int MAX_EMAIL_LENGTH = 254;

    /**
     * Easy Loan money may not buy property, stocks, funds or wealth products. Buying a home is forbidden but
     * renovating one or buying home appliances is exactly what the loan is for, so property words only count
     * together with a purchase, or on their own.
     */
    private static final List<Pattern> FORBIDDEN_LOAN_PURPOSES = List.of(
            Pattern.compile("买房|购房|买楼|购楼|房产|楼盘|首付|房款|置业|股票|炒股|股市|买股|基金|理财"),
            Pattern.compile("(?:买|购买|购置)(?:一套|套)?(?:住房|房子|房屋|公寓|商品房|二手房|新房|别墅)(?!装修|维修|翻新)"),
            Pattern.compile("\\b(?:buy|buys|buying|bought|purchase|purchasing|acquire|acquiring)\\b(?:\\s+\\w+){0,3}?\\s+"
                    + "(?:houses?|homes?|flats?|apartments?|propert(?:y|ies)|real\\s+estate|condos?|villas?)\\b"
                    + "(?!\\s+(?:appliances?|furniture|furnishings?|renovations?|repairs?|improvements?|decorations?|decor|electronics))",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b(?:real\\s+estate|down[\\s-]?payment|(?:house|home|flat|apartment|property)\\s+(?:purchase|buying|deposit)"
                    + "|property\\s+investment)\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(?:(?:a|an|my|our|new)\\s+)*(?:houses?|homes?|flats?|apartments?|propert(?:y|ies)|condos?|funds?)$",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b(?:stocks?\\b(?!\\s+up)|shares\\b|stock\\s+market|equities\\b|securities\\b|etfs?\\b"
                    + "|wealth\\b|investment\\s+products?\\b)", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b(?:mutual|index|investment|money[\\s-]market|exchange[\\s-]traded|hedge)\\s+funds?\\b"
                    + "|\\b(?:buy|buying|purchase|purchasing|invest|investing)\\b(?:\\s+\\w+){0,2}?\\s+funds?\\b",
                    Pattern.CASE_INSENSITIVE));

    private static final Label FROM_ACCOUNT = new Label("付款账号", "account to pay from");
    private static final Label PAYEE_NAME = new Label("收款人姓名", "payee name");
    private static final Label PAYEE_ACCOUNT = new Label("收款账号", "payee account number");
    private static final Label TRANSFER_AMOUNT = new Label("转账金额", "transfer amount");
    private static final Label EXECUTION_DATE = new Label("转账日期", "transfer date");
    private static final Label TRANSFER_PURPOSE = new Label("转账用途", "purpose of the transfer");
    private static final Label BANK_NAME = new Label("开户银行名称", "name of the payee's bank");
    private static final Label PAYEE_MOBILE = new Label("收款人手机号码", "payee's mobile number");
    private static final Label FULL_NAME = new Label("申请人姓名", "applicant's full name");
    private static final Label RESIDENT_ID = new Label("身份证号码", "resident ID number");
    private static final Label MOBILE = new Label("手机号码", "mobile number");
    private static final Label LOAN_AMOUNT = new Label("贷款金额", "loan amount");
    private static final Label TERM = new Label("贷款期限", "loan term");
    private static final Label LOAN_PURPOSE = new Label("贷款用途", "purpose of the loan");
    private static final Label MONTHLY_INCOME = new Label("月收入", "monthly income");
    private static final Label INCOME_MONTHS = new Label("收入记录月数", "number of months of income records");
    private static final Label NEW_MOBILE = new Label("新手机号码", "new mobile number");
    private static final Label NEW_EMAIL = new Label("新电子邮箱", "new e-mail address");
    private static final Label NEW_ADDRESS = new Label("新联系地址", "new address");

    private FormValidator() {
    }

    public static List<FieldError> validate(FormType type, Map<String, String> fields, Language language, LocalDate today) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(today, "today");
        Form form = new Form(fields == null ? Map.of() : fields, language);
        switch (type) {
            case TRANSFER -> transfer(form, today);
            case NEW_PAYEE -> newPayee(form);
            case LOAN_APPLICATION -> loanApplication(form, today);
            case CONTACT_CHANGE -> contactChange(form, today);
        }
        return List.copyOf(form.errors);
    }

    private static void transfer(Form form, LocalDate today) {
        Optional<String> from = form.required("fromAccount", FROM_ACCOUNT).flatMap(value -> card(form, "fromAccount", FROM_ACCOUNT, value));
        form.required("payeeName", PAYEE_NAME).ifPresent(value -> form.length("payeeName", PAYEE_NAME, value, 2, 50));
        Optional<String> payeeText = form.required("payeeAccount", PAYEE_ACCOUNT);
        Optional<String> payee = payeeText.flatMap(value -> cardOrIban(form, "payeeAccount", PAYEE_ACCOUNT, value));
        boolean toIban = payeeText.filter(Iban::looksLikeIban).isPresent();

        // The currency is read first because it decides how many decimals the amount may have.
        Optional<String> currencyText = form.value("currency");
        Optional<Currency> currency = currencyText.isEmpty() ? Optional.of(CNY) : currencyText.flatMap(MoneyAmount::currency);

        form.required("amount", TRANSFER_AMOUNT).ifPresent(value -> transferAmount(form, value, currency));
        currencyText.ifPresent(value -> currency(form, value, currency));
        form.value("executionDate").ifPresent(value -> executionDate(form, value, today));
        form.value("purpose").ifPresent(value -> form.length("purpose", TRANSFER_PURPOSE, value, 0, 100));

        if (from.isPresent() && from.equals(payee)) {
            form.error("payeeAccount", "mismatch", "收款账号与付款账号相同，请填写另一个收款账号。",
                    "The payee account is the same as the account you pay from; please enter a different payee account.");
        }
        if (toIban && currency.filter(CNY::equals).isPresent()) {
            form.error("currency", "mismatch", "向境外IBAN账户汇款需使用外币，请选择美元、欧元、港币、英镑或日元。",
                    "Transfers to an IBAN abroad are made in a foreign currency; please choose USD, EUR, HKD, GBP or JPY.");
        }
        bic(form, toIban);
    }

    private static void transferAmount(Form form, String value, Optional<Currency> currency) {
        Optional<BigDecimal> amount = MoneyAmount.parse(value);
        if (amount.isEmpty()) {
            form.error("amount", "format", "转账金额格式不正确，请填写最多两位小数的金额，例如 1,000.50。",
                    "The transfer amount is not a valid amount; please enter a number with at most two decimals, such as 1,000.50.");
        } else if (amount.get().signum() <= 0) {
            form.error("amount", "too_small", "转账金额必须大于0。", "The transfer amount must be more than 0.");
        } else if (currency.isPresent() && amount.get().stripTrailingZeros().scale() > currency.get().getDefaultFractionDigits()) {
            String code = currency.get().getCurrencyCode();
            form.error("amount", "format", "以" + code + "转账时金额不能有小数，请填写整数金额。",
                    "Amounts in " + code + " have no decimals; please enter a whole number.");
        } else if (currency.filter(CNY::equals).isPresent() && amount.get().compareTo(APP_SINGLE_TRANSFER_LIMIT) > 0) {
            // The channel limits are in yuan; a foreign-currency amount needs the day's rate, which the executor applies.
            form.error("amount", "too_large",
                    "转账金额超过手机银行限额：单笔最高50,000元，每日累计最高200,000元。更大金额请使用U盾认证（单笔最高500,000元）或前往营业网点办理。",
                    "The transfer amount is above the app limit of 50,000 yuan per transfer and 200,000 yuan per day. For a larger amount, "
                            + "please confirm with the U-Key (up to 500,000 yuan per transfer) or visit a branch.");
        }
    }

    private static void currency(Form form, String value, Optional<Currency> currency) {
        if (currency.isEmpty()) {
            form.error("currency", "format", "币种代码无法识别，请填写三位字母的币种代码，例如 CNY 或 USD。",
                    "The currency code is not recognised; please use a three-letter code such as CNY or USD.");
        } else if (!MoneyAmount.handledByBank(currency.get())) {
            String code = currency.get().getCurrencyCode();
            form.error("currency", "not_allowed", "本行暂不办理" + code + "币种的转账，可选人民币、美元、欧元、港币、英镑或日元。",
                    "We do not handle transfers in " + code + "; please choose CNY, USD, EUR, HKD, GBP or JPY.");
        }
    }

    private static void executionDate(Form form, String value, LocalDate today) {
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            String example = today.plusDays(1).toString();
            form.error("executionDate", "format", "转账日期格式不正确，请按“年-月-日”填写，例如 " + example + "。",
                    "The transfer date is not a valid date; please write it as year-month-day, such as " + example + ".");
            return;
        }
        if (date.isBefore(today)) {
            form.error("executionDate", "past_date", "转账日期不能早于今天。", "The transfer date cannot be in the past.");
        } else if (date.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            form.error("executionDate", "too_far", "转账日期最多只能预约到365天以后。",
                    "The transfer date can be at most 365 days ahead.");
        }
    }

    private static void newPayee(Form form) {
        form.required("name", PAYEE_NAME).ifPresent(value -> form.length("name", PAYEE_NAME, value, 2, 50));
        Optional<String> accountText = form.required("account", PAYEE_ACCOUNT);
        accountText.ifPresent(value -> cardOrIban(form, "account", PAYEE_ACCOUNT, value));
        form.required("bankName", BANK_NAME).ifPresent(value -> form.length("bankName", BANK_NAME, value, 2, 60));
        bic(form, accountText.filter(Iban::looksLikeIban).isPresent());
        form.value("mobile").ifPresent(value -> mobile(form, "mobile", PAYEE_MOBILE, value));
    }

    private static void loanApplication(Form form, LocalDate today) {
        form.required("fullName", FULL_NAME);
        Optional<LocalDate> birth = form.required("residentId", RESIDENT_ID).flatMap(value -> residentId(form, value, today));
        form.required("mobile", MOBILE).ifPresent(value -> mobile(form, "mobile", MOBILE, value));
        form.required("amount", LOAN_AMOUNT).ifPresent(value -> loanAmount(form, value));
        form.required("termMonths", TERM).ifPresent(value -> term(form, value));
        form.required("purpose", LOAN_PURPOSE).ifPresent(value -> loanPurpose(form, value));
        form.required("monthlyIncome", MONTHLY_INCOME).ifPresent(value -> monthlyIncome(form, value));
        form.required("incomeMonths", INCOME_MONTHS).ifPresent(value -> incomeMonths(form, value));

        birth.ifPresent(date -> {
            int age = Period.between(date, today).getYears();
            if (age < MIN_AGE || age > MAX_AGE) {
                form.error("residentId", "not_allowed", "根据身份证号码，申请人年龄不在22至60周岁之间，暂不符合随心贷的申请条件。",
                        "According to the resident ID number, the applicant is not between 22 and 60 years old, which Easy Loan requires.");
            }
        });
    }

    private static void loanAmount(Form form, String value) {
        Optional<BigDecimal> amount = MoneyAmount.parse(value);
        if (amount.isEmpty()) {
            form.error("amount", "format", "贷款金额格式不正确，请填写金额，例如 50,000。",
                    "The loan amount is not a valid amount; please enter a number such as 50,000.");
        } else if (amount.get().compareTo(LOAN_MIN) < 0) {
            form.error("amount", "too_small", "随心贷的贷款金额最低为1,000元。", "The Easy Loan amount must be at least 1,000 yuan.");
        } else if (amount.get().compareTo(LOAN_MAX) > 0) {
            form.error("amount", "too_large", "随心贷的贷款金额最高为300,000元。", "The Easy Loan amount can be at most 300,000 yuan.");
        }
    }

    private static void term(Form form, String value) {
        if (!WHOLE_NUMBER.matcher(value).matches()) {
            form.error("termMonths", "format", "贷款期限请填写整数月数，例如 12。",
                    "Please enter the loan term as a whole number of months, such as 12.");
            return;
        }
        int months = Integer.parseInt(value);
        if (months < TERM_MIN_MONTHS) {
            form.error("termMonths", "too_small", "贷款期限最短为6个月。", "The loan term must be at least 6 months.");
        } else if (months > TERM_MAX_MONTHS) {
            form.error("termMonths", "too_large", "贷款期限最长为60个月。", "The loan term can be at most 60 months.");
        }
    }

    private static void loanPurpose(Form form, String value) {
        if (FORBIDDEN_LOAN_PURPOSES.stream().anyMatch(pattern -> pattern.matcher(value).find())) {
            form.error("purpose", "not_allowed",
                    "随心贷不能用于购买房产，也不能用于买卖股票、基金或购买理财产品，请填写其他消费用途，例如装修、购买家电或婚庆。",
                    "Easy Loan cannot be used to buy property, to trade stocks or funds, or to buy wealth products; "
                            + "please give another consumer purpose, such as renovation, home appliances or a wedding.");
        }
    }

    private static void monthlyIncome(Form form, String value) {
        Optional<BigDecimal> income = MoneyAmount.parse(value);
        if (income.isEmpty()) {
            form.error("monthlyIncome", "format", "月收入格式不正确，请填写金额，例如 8,000。",
                    "The monthly income is not a valid amount; please enter a number such as 8,000.");
        } else if (income.get().signum() <= 0) {
            form.error("monthlyIncome", "too_small", "月收入必须大于0。", "The monthly income must be more than 0.");
        }
    }

    private static void incomeMonths(Form form, String value) {
        if (!WHOLE_NUMBER.matcher(value).matches()) {
            form.error("incomeMonths", "format", "收入记录月数请填写整数，例如 12。",
                    "Please enter the number of months of income records as a whole number, such as 12.");
        } else if (Integer.parseInt(value) < MIN_INCOME_MONTHS) {
            form.error("incomeMonths", "too_small", "申请随心贷需要至少6个月的收入记录。",
                    "Easy Loan needs income records for at least 6 months.");
        }
    }

    private static void contactChange(Form form, LocalDate today) {
        form.required("residentId", RESIDENT_ID).ifPresent(value -> residentId(form, value, today));
        Optional<String> newMobile = form.value("newMobile");
        Optional<String> newEmail = form.value("newEmail");
        Optional<String> newAddress = form.value("newAddress");
        if (newMobile.isEmpty() && newEmail.isEmpty() && newAddress.isEmpty()) {
            form.error("newMobile", "required", "请至少填写新手机号码、新电子邮箱或新联系地址中的一项。",
                    "Please enter at least one of the new mobile number, the new e-mail address or the new address.");
        }
        Optional<String> mobile = newMobile.flatMap(value -> mobile(form, "newMobile", NEW_MOBILE, value));
        newEmail.ifPresent(value -> {
            if (value.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(value).matches()) {
                form.error("newEmail", "format", "新电子邮箱格式不正确，请按 name@example.com 的格式填写。",
                        "The new e-mail address is not valid; please write it like name@example.com.");
            }
        });
        newAddress.ifPresent(value -> form.length("newAddress", NEW_ADDRESS, value, 5, 200));

        Optional<String> current = form.value("currentMobile").flatMap(MobileNumber::normalize);
        if (mobile.isPresent() && mobile.equals(current)) {
            form.error("newMobile", "mismatch", "新手机号码与当前手机号码相同，无需变更。",
                    "The new mobile number is the same as the current one, so there is nothing to change.");
        }
    }

    /** The BIC is needed for an IBAN payee; one given for a card payee is still checked, since it will be stored. */
    private static void bic(Form form, boolean required) {
        Optional<String> bic = form.value("bic");
        if (bic.isEmpty()) {
            if (required) {
                form.error("bic", "required", "收款账号是IBAN，请填写收款银行的SWIFT代码（BIC）。",
                        "The payee account is an IBAN, so please enter the payee bank's SWIFT code (BIC).");
            }
        } else if (!Bic.valid(bic.get())) {
            form.error("bic", "format", "SWIFT代码（BIC）格式不正确，应为8位或11位字母和数字。",
                    "The SWIFT code (BIC) is not valid; it should have 8 or 11 letters and digits.");
        }
    }

    private static Optional<LocalDate> residentId(Form form, String value, LocalDate today) {
        if (!ResidentId.wellFormed(value, today)) {
            form.error("residentId", "format", "身份证号码格式不正确：应为18位，并包含真实有效的出生日期。",
                    "The resident ID number is not valid: it should have 18 characters and contain a real date of birth.");
            return Optional.empty();
        }
        Optional<LocalDate> birth = ResidentId.birthDate(value, today);
        if (birth.isEmpty()) {
            form.error("residentId", "checksum", "身份证号码校验位不正确，请核对后重新填写。",
                    "The resident ID number fails its check character; please check it and enter it again.");
        }
        return birth;
    }

    private static Optional<String> mobile(Form form, String field, Label label, String value) {
        Optional<String> normalized = MobileNumber.normalize(value);
        if (normalized.isEmpty()) {
            form.error(field, "format", label.zh() + "格式不正确，请填写11位中国大陆手机号码。",
                    "The " + label.en() + " is not a valid mainland China mobile number (11 digits starting with 13 to 19).");
        }
        return normalized;
    }

    private static Optional<String> card(Form form, String field, Label label, String value) {
        if (!CardNumber.wellFormed(value)) {
            form.error(field, "format", label.zh() + "应为16至19位数字的银行卡号。",
                    "The " + label.en() + " must be a bank card number of 16 to 19 digits.");
            return Optional.empty();
        }
        Optional<String> normalized = CardNumber.normalize(value);
        if (normalized.isEmpty()) {
            form.error(field, "checksum", label.zh() + "校验位不正确，请核对卡号。",
                    "The " + label.en() + " fails its check digit; please check the card number.");
        }
        return normalized;
    }

    private static Optional<String> cardOrIban(Form form, String field, Label label, String value) {
        if (!Iban.looksLikeIban(value)) {
            if (!CardNumber.wellFormed(value)) {
                form.error(field, "format", label.zh() + "应为16至19位数字的银行卡号，或境外账户的IBAN。",
                        "The " + label.en() + " must be a bank card number of 16 to 19 digits or an IBAN.");
                return Optional.empty();
            }
            return card(form, field, label, value);
        }
        if (!Iban.wellFormed(value)) {
            form.error(field, "format", label.zh() + "不是有效的IBAN，请核对国家代码和位数。",
                    "The " + label.en() + " is not a valid IBAN; please check the country code and the length.");
            return Optional.empty();
        }
        Optional<String> normalized = Iban.normalize(value);
        if (normalized.isEmpty()) {
            form.error(field, "checksum", label.zh() + "的IBAN校验位不正确，请核对账号。",
                    "The " + label.en() + " fails its IBAN check digits; please check the account number.");
        }
        return normalized;
    }

    /** How a field is named in messages. */
    private record Label(String zh, String en) {
    }

    /** The submitted values and the errors found so far, in the customer's language. */
    private static final class Form {

        private final Map<String, String> fields;
        private final Language language;
        private final List<FieldError> errors = new ArrayList<>();

        Form(Map<String, String> fields, Language language) {
            this.fields = fields;
            this.language = language;
        }

        Optional<String> value(String field) {
            String value = fields.get(field);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
        }

        Optional<String> required(String field, Label label) {
            Optional<String> value = value(field);
            if (value.isEmpty()) {
                error(field, "required", "请填写" + label.zh() + "。", "Please enter the " + label.en() + ".");
            }
            return value;
        }

        /** Counted in code points, so that a Chinese name of two characters is two long. */
        void length(String field, Label label, String value, int min, int max) {
            int length = value.codePointCount(0, value.length());
            if (length < min) {
                error(field, "too_small", label.zh() + "至少需要" + min + "个字符。",
                        "The " + label.en() + " must be at least " + min + " characters long.");
            } else if (length > max) {
                error(field, "too_large", label.zh() + "不能超过" + max + "个字符。",
                        "The " + label.en() + " can be at most " + max + " characters long.");
            }
        }

        void error(String field, String code, String zh, String en) {
            errors.add(new FieldError(field, code, language == Language.ZH ? zh : en));
        }
    }
}
