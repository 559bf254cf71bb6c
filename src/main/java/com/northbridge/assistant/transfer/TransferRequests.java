package com.northbridge.assistant.transfer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.northbridge.assistant.audit.AuditLog;
import com.northbridge.assistant.banking.AccountView;
import com.northbridge.assistant.banking.BankingConfig;
import com.northbridge.assistant.banking.CoreBanking;
import com.northbridge.assistant.banking.PayeeView;
import com.northbridge.assistant.review.ReviewCase;
import com.northbridge.assistant.review.ReviewCases;
import com.northbridge.assistant.risk.RiskLevel;
import com.northbridge.assistant.risk.RiskReason;
import com.northbridge.assistant.risk.TransferRiskCheck;
import com.northbridge.assistant.text.Language;
import com.northbridge.assistant.tools.FieldError;
import com.northbridge.assistant.tools.FormType;
import com.northbridge.assistant.tools.FormValidator;
import com.northbridge.assistant.tools.ToolArguments.TransferDetails;
import com.northbridge.assistant.tools.ToolContext;
import com.northbridge.assistant.tools.ToolResults.TransferRequestResult;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Turns transfer details into a checked request: resolve the paying account and the payee among the
 * customer's own, validate like the transfer form, run the risk check, and park it as a review case. The
 * same request twice (same idempotency key) finds the first one instead of making another.
 */
@ApplicationScoped
public class TransferRequests {

    /** Details resolved against the customer's own accounts and payees, or why they could not be. */
    public record Resolved(AccountView from, String payeeName, String payeeAccount, Optional<PayeeView> savedPayee, BigDecimal amount,
                           String currency, List<FieldError> errors, String problem) {

        public boolean ok() {
            return problem == null && errors.isEmpty();
        }
    }

    private final CoreBanking core;
    private final BankingConfig config;
    private final ReviewCases cases;
    private final AuditLog audit;

    public TransferRequests(CoreBanking core, BankingConfig config, ReviewCases cases, AuditLog audit) {
        this.core = core;
        this.config = config;
        this.cases = cases;
        this.audit = audit;
    }

    public Resolved resolve(TransferDetails d, ToolContext ctx) {
        List<AccountView> accounts = core.accounts(ctx.customerId());
        boolean zh = ctx.language() == Language.ZH;
        String currency = d.currency() == null || d.currency().isBlank() ? "CNY" : d.currency().strip().toUpperCase(Locale.ROOT);
        Optional<AccountView> from = d.fromAccount() == null || d.fromAccount().isBlank()
                ? accounts.stream().filter(a -> a.currency().equals(currency)).findFirst()
                : accounts.stream().filter(a -> matches(a.id(), d.fromAccount())).findFirst();
        if (from.isEmpty()) {
            return new Resolved(null, d.payeeName(), d.payeeAccount(), Optional.empty(), d.amount(), currency, List.of(), "no_account");
        }
        List<PayeeView> payees = core.payees(ctx.customerId());
        String payeeAccount = d.payeeAccount() == null ? null : d.payeeAccount().replaceAll("[\\s-]", "");
        Optional<PayeeView> saved;
        if (payeeAccount != null && !payeeAccount.isBlank()) {
            String account = payeeAccount;
            saved = payees.stream().filter(p -> p.accountNumber().equals(account)).findFirst();
        } else {
            saved = payees.stream().filter(p -> sameName(p.name(), d.payeeName())).findFirst();
            if (saved.isEmpty()) {
                return new Resolved(from.get(), d.payeeName(), null, Optional.empty(), d.amount(), currency, List.of(), "payee_unknown");
            }
            payeeAccount = saved.get().accountNumber();
        }
        String payeeName = d.payeeName() != null && !d.payeeName().isBlank() ? d.payeeName().strip() : saved.map(PayeeView::name).orElse(null);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("fromAccount", from.get().id());
        fields.put("payeeName", payeeName);
        fields.put("payeeAccount", payeeAccount);
        fields.put("amount", d.amount() == null ? null : d.amount().toPlainString());
        fields.put("currency", currency);
        List<FieldError> errors = new ArrayList<>(FormValidator.validate(FormType.TRANSFER, fields, zh ? Language.ZH : Language.EN,
                java.time.LocalDate.ofInstant(ctx.now(), config.zone())));
        return new Resolved(from.get(), payeeName, payeeAccount, saved, d.amount(), currency, errors, null);
    }

    public TransferRiskCheck.Assessment assess(Resolved r, ToolContext ctx) {
        var history = core.history(ctx.customerId(), ctx.now());
        Instant changed = core.customer(ctx.customerId()).map(c -> c.contactChangedAt()).orElse(null);
        return TransferRiskCheck.assess(new TransferRiskCheck.Input(r.amount(), r.from(), r.savedPayee(), core.watchListed(r.payeeAccount()),
                history, changed, ctx.now().atZone(config.zone())), config.rules());
    }

    /** Creates the request and its review case, or finds the one made earlier with the same key. */
    public TransferRequestResult request(TransferDetails d, ToolContext ctx, List<String> turnReasons) {
        Resolved r = resolve(d, ctx);
        if (r.problem() != null || !r.errors().isEmpty()) {
            String status = r.problem() != null ? r.problem() : "invalid";
            return new TransferRequestResult(status, null, null, false, d.amount(), r.currency(), d.payeeName(), 0, r.errors(), null);
        }
        TransferRiskCheck.Assessment risk = assess(r, ctx);
        String key = d.idempotencyKey() != null && !d.idempotencyKey().isBlank() ? d.idempotencyKey().strip()
                : derivedKey(ctx, r);
        BigDecimal amount = r.amount().setScale(2, RoundingMode.HALF_UP);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Optional<Transfer> existing = Transfer.find("customerId = ?1 and idempotencyKey = ?2", ctx.customerId(), key).firstResultOptional();
                if (existing.isPresent()) {
                    return result(existing.get(), true);
                }
                Transfer t = new Transfer();
                t.id = UUID.randomUUID();
                t.customerId = ctx.customerId();
                t.fromAccount = r.from().id();
                t.payeeName = r.payeeName();
                t.payeeAccount = r.payeeAccount();
                t.amount = amount;
                t.currency = r.currency();
                t.status = Transfer.PENDING;
                t.idempotencyKey = key;
                t.riskScore = risk.score();
                t.riskReasons = risk.codes().toArray(String[]::new);
                t.conversationId = ctx.conversationId();
                t.requestedAt = ctx.now();
                t.persist();
                t.flush(); // the case refers to it
                audit.append("assistant", "transfer.requested", "transfer", t.id.toString(), ReviewCases.detail(
                        "customer", t.customerId, "amount", t.amount, "currency", t.currency, "payee", t.payeeName,
                        "payeeAccount", TransferView.mask(t.payeeAccount), "riskScore", t.riskScore, "riskRules", risk.codes(),
                        "conversation", ctx.conversationId()));
                List<String> reasons = new ArrayList<>();
                reasons.add(RiskReason.FUND_OPERATION.code());
                if (risk.flagged()) {
                    reasons.add(RiskReason.RISK_CHECK_FLAG.code());
                }
                reasons.addAll(turnReasons);
                cases.open(new ReviewCases.Opening(ReviewCase.TRANSFER, RiskLevel.RED, reasons, summary(t, risk), t.customerId,
                        ctx.conversationId(), ctx.messageId(), t.id));
                return result(t, false);
            });
        } catch (RuntimeException e) {
            // Two identical requests at the same moment: the unique key let one in; answer with that one.
            Optional<Transfer> winner = QuarkusTransaction.requiringNew().call(() ->
                    Transfer.<Transfer>find("customerId = ?1 and idempotencyKey = ?2", ctx.customerId(), key).firstResultOptional());
            if (winner.isPresent()) {
                return QuarkusTransaction.requiringNew().call(() -> result(winner.get(), true));
            }
            throw e;
        }
    }

    private static TransferRequestResult result(Transfer t, boolean duplicate) {
        UUID caseId = ReviewCase.<ReviewCase>find("transferId", t.id).firstResultOptional().map(c -> c.id).orElse(null);
        return new TransferRequestResult(t.status, t.id, caseId, duplicate, t.amount, t.currency, t.payeeName, t.riskScore, List.of(), null);
    }

    private static String summary(Transfer t, TransferRiskCheck.Assessment risk) {
        return "Transfer " + t.amount.toPlainString() + " " + t.currency + " from " + TransferView.mask(t.fromAccount) + " to " + t.payeeName
                + " " + TransferView.mask(t.payeeAccount) + "; risk score " + risk.score() + (risk.rules().isEmpty() ? "" : " (" + String.join(", ", risk.codes()) + ")");
    }

    /** Same customer, conversation, accounts and amount: the same request, however often the model asks. */
    private static String derivedKey(ToolContext ctx, Resolved r) {
        String text = String.join("|", ctx.customerId(), String.valueOf(ctx.conversationId()), r.from().id(), r.payeeAccount(),
                r.amount().setScale(2, RoundingMode.HALF_UP).toPlainString(), r.currency());
        try {
            return "auto-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An account named by its last four digits or in full. */
    public static boolean matches(String accountId, String given) {
        String digits = given.replaceAll("[^0-9]", "");
        return !digits.isEmpty() && (accountId.equals(digits) || digits.length() == 4 && accountId.endsWith(digits));
    }

    private static boolean sameName(String saved, String given) {
        if (given == null) {
            return false;
        }
        String a = saved.replaceAll("\\s", "").toLowerCase(Locale.ROOT);
        String b = given.replaceAll("\\s", "").toLowerCase(Locale.ROOT);
        return !b.isEmpty() && a.equals(b);
    }
}
