package com.northbridge.assistant.tools;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.northbridge.assistant.audit.AuditLog;
import com.northbridge.assistant.banking.AccountView;
import com.northbridge.assistant.banking.BankingConfig;
import com.northbridge.assistant.banking.CoreBanking;
import com.northbridge.assistant.review.ReviewCases;
import com.northbridge.assistant.risk.RiskDecision;
import com.northbridge.assistant.risk.RiskGate;
import com.northbridge.assistant.risk.RiskReason;
import com.northbridge.assistant.risk.TransferRiskCheck;
import com.northbridge.assistant.text.Language;
import com.northbridge.assistant.tools.ToolArguments.BalanceQuery;
import com.northbridge.assistant.tools.ToolArguments.FormCheck;
import com.northbridge.assistant.tools.ToolArguments.TransferDetails;
import com.northbridge.assistant.tools.ToolResults.AccountLine;
import com.northbridge.assistant.tools.ToolResults.Balances;
import com.northbridge.assistant.tools.ToolResults.FormCheckResult;
import com.northbridge.assistant.tools.ToolResults.RiskCheckResult;
import com.northbridge.assistant.tools.ToolResults.ToolError;
import com.northbridge.assistant.tools.ToolResults.TransactionLine;
import com.northbridge.assistant.tools.ToolResults.TransferRequestResult;
import com.northbridge.assistant.transfer.TransferRequests;
import com.northbridge.assistant.transfer.TransferView;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The tools offered to the model, and the one way they run: arguments parsed into typed records, the gate
 * decides, a refused call does nothing, every call is stored and audited. The customer always comes from
 * {@link ToolContext}, which the turn loop fills from the signed-in identity; no tool takes a customer id.
 */
@ApplicationScoped
public class AccountTools {

    private static final int DEFAULT_TRANSACTIONS = 5;
    private static final int MAX_TRANSACTIONS = 20;

    private final CoreBanking core;
    private final TransferRequests transfers;
    private final BankingConfig banking;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final List<ToolSpecification> specifications = build();

    public AccountTools(CoreBanking core, TransferRequests transfers, BankingConfig banking, AuditLog audit, ObjectMapper json) {
        this.core = core;
        this.transfers = transfers;
        this.banking = banking;
        this.audit = audit;
        // Models write "5" for 5 now and then: tool arguments are read leniently, unlike request bodies.
        this.json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** The same four tools on every model call: built once. */
    public List<ToolSpecification> specifications() {
        return specifications;
    }

    private static List<ToolSpecification> build() {
        JsonObjectSchema transfer = JsonObjectSchema.builder()
                .addStringProperty("payeeName", "The payee's name as the customer said it")
                .addStringProperty("payeeAccount", "The payee's card or account number or IBAN; leave out for a saved payee")
                .addNumberProperty("amount", "The amount, a plain number such as 5000")
                .addStringProperty("currency", "ISO currency code; CNY when the customer did not say")
                .addStringProperty("fromAccount", "Last four digits of the customer's paying account; leave out for the main account")
                .required("payeeName", "amount")
                .build();
        return List.of(
                ToolSpecification.builder().name(RiskGate.LOOKUP_BALANCE)
                        .description("Balances and recent transactions of the signed-in customer's own accounts.")
                        .parameters(JsonObjectSchema.builder()
                                .addStringProperty("account", "Last four digits of one of the customer's accounts; leave out for all")
                                .addIntegerProperty("transactions", "How many recent transactions to list (0-20)")
                                .build())
                        .build(),
                ToolSpecification.builder().name(RiskGate.VALIDATE_FORM)
                        .description("Checks a form the customer is filling in and returns every field error in the customer's language.")
                        .parameters(JsonObjectSchema.builder()
                                .addEnumProperty("form", List.of("transfer", "new_payee", "loan_application", "contact_change"))
                                .addProperty("fields", JsonObjectSchema.builder().description("Field name to value, as the customer gave them")
                                        .additionalProperties(true).build())
                                .required("form", "fields")
                                .build())
                        .build(),
                ToolSpecification.builder().name(RiskGate.CHECK_TRANSFER_RISK)
                        .description("Scores a transfer the customer is considering against limits and fraud rules; moves no money.")
                        .parameters(transfer).build(),
                ToolSpecification.builder().name(RiskGate.REQUEST_TRANSFER)
                        .description("Submits a transfer for review by bank staff. It never moves money itself; staff approve or reject it.")
                        .parameters(transfer).build());
    }

    public ToolOutcome run(ToolExecutionRequest call, int step, ToolContext ctx, RiskDecision turn) {
        String name = call.name() == null ? "" : call.name();
        String args = call.arguments() == null || call.arguments().isBlank() ? "{}" : call.arguments();
        Object result;
        RiskDecision decision;
        boolean executed = false;
        PendingAction pending = null;
        try {
            switch (name) {
                case RiskGate.LOOKUP_BALANCE -> {
                    BalanceQuery q = json.readValue(args, BalanceQuery.class);
                    boolean other = q.account() != null && reachesOther(q.account(), ctx);
                    decision = RiskGate.toolCall(name, new RiskGate.ToolFacts(other, false));
                    if (decision.refuses()) {
                        result = refusal(ctx);
                    } else {
                        result = balances(q, ctx);
                        executed = true;
                    }
                }
                case RiskGate.VALIDATE_FORM -> {
                    FormCheck f = json.readValue(args, FormCheck.class);
                    decision = RiskGate.toolCall(name, RiskGate.ToolFacts.NONE);
                    Optional<FormType> type = FormType.fromName(f.form());
                    if (type.isEmpty()) {
                        result = new ToolError("invalid_arguments", "form must be transfer, new_payee, loan_application or contact_change");
                    } else {
                        List<FieldError> errors = FormValidator.validate(type.get(), f.fields() == null ? java.util.Map.of() : f.fields(),
                                ctx.language(), LocalDate.ofInstant(ctx.now(), banking.zone()));
                        result = new FormCheckResult(type.get().name().toLowerCase(), errors.isEmpty(), errors);
                        executed = true;
                    }
                }
                case RiskGate.CHECK_TRANSFER_RISK -> {
                    TransferDetails d = details(args);
                    boolean other = d.fromAccount() != null && reachesOther(d.fromAccount(), ctx);
                    TransferRequests.Resolved r = other ? null : transfers.resolve(d, ctx);
                    TransferRiskCheck.Assessment risk = r != null && r.problem() == null && r.amount() != null ? transfers.assess(r, ctx) : null;
                    decision = RiskGate.toolCall(name, new RiskGate.ToolFacts(other, risk != null && risk.flagged()));
                    if (decision.refuses()) {
                        result = refusal(ctx);
                    } else if (risk == null) {
                        result = new ToolError(r.problem() == null ? "invalid_arguments" : r.problem(), problemText(r.problem(), ctx.language()));
                    } else {
                        boolean zh = ctx.language() == Language.ZH;
                        result = new RiskCheckResult(risk.score(), risk.flagged(), risk.codes(),
                                risk.rules().stream().map(rule -> rule.describe(zh)).toList());
                        executed = true;
                    }
                }
                case RiskGate.REQUEST_TRANSFER -> {
                    TransferDetails d = details(args);
                    boolean other = d.fromAccount() != null && reachesOther(d.fromAccount(), ctx);
                    decision = RiskGate.toolCall(name, new RiskGate.ToolFacts(other, false));
                    if (decision.refuses()) {
                        result = refusal(ctx);
                    } else {
                        List<String> turnReasons = turn.reasons().stream().filter(r -> r.level() == com.northbridge.assistant.risk.RiskLevel.RED)
                                .map(RiskReason::code).toList();
                        TransferRequestResult t = transfers.request(d, ctx, turnReasons);
                        if (t.riskScore() >= TransferRiskCheck.FLAG_SCORE) {
                            decision = decision.with(List.of(RiskReason.RISK_CHECK_FLAG), List.of());
                        }
                        if (t.transferId() != null) {
                            pending = new PendingAction("transfer", t.transferId(), t.caseId(), t.status(), t.amount(), t.currency(), t.payeeName());
                        } else if (t.status().equals("payee_unknown") || t.status().equals("no_account")) {
                            t = new TransferRequestResult(t.status(), null, null, false, t.amount(), t.currency(), t.payeeName(), 0, List.of(),
                                    problemText(t.status(), ctx.language()));
                        }
                        result = t;
                        // Red: no money moves. The request became a case (or was refused as invalid).
                    }
                }
                default -> {
                    decision = RiskGate.toolCall(name, RiskGate.ToolFacts.NONE);
                    result = new ToolError("unknown_tool", "There is no tool called " + name + ".");
                }
            }
        } catch (JsonProcessingException e) {
            decision = RiskGate.toolCall(name, RiskGate.ToolFacts.NONE);
            result = new ToolError("invalid_arguments", "The arguments are not valid for " + name + ": " + e.getOriginalMessage());
        }
        String resultJson = write(result);
        UUID id = record(name, args, resultJson, decision, executed, step, ctx);
        return new ToolOutcome(id, name, args, resultJson, decision, executed, pending);
    }

    private TransferDetails details(String args) throws JsonProcessingException {
        return json.readValue(args, TransferDetails.class);
    }

    /** A full account number that is not the customer's but is someone else's at this bank. */
    private boolean reachesOther(String account, ToolContext ctx) {
        if (core.accounts(ctx.customerId()).stream().anyMatch(a -> TransferRequests.matches(a.id(), account))) {
            return false;
        }
        String digits = account.replaceAll("[^0-9]", "");
        return core.accountHolder(digits).filter(holder -> !holder.equals(ctx.customerId())).isPresent();
    }

    private Object balances(BalanceQuery q, ToolContext ctx) {
        List<AccountView> accounts = core.accounts(ctx.customerId());
        if (q.account() != null && !q.account().isBlank()) {
            accounts = accounts.stream().filter(a -> TransferRequests.matches(a.id(), q.account())).toList();
            if (accounts.isEmpty()) {
                return new ToolError("no_such_account", ctx.language() == Language.ZH
                        ? "您名下没有尾号为 " + q.account() + " 的账户。" : "You have no account ending in " + q.account() + ".");
            }
        }
        int n = q.transactions() == null ? DEFAULT_TRANSACTIONS : Math.max(0, Math.min(MAX_TRANSACTIONS, q.transactions()));
        List<AccountLine> lines = accounts.stream().map(a -> new AccountLine(TransferView.mask(a.id()), a.product(), a.currency(), a.balance())).toList();
        List<TransactionLine> recent = new ArrayList<>();
        if (n > 0 && !accounts.isEmpty()) {
            for (var t : core.recentTransactions(ctx.customerId(), accounts.get(0).id(), n)) {
                recent.add(new TransactionLine(LocalDate.ofInstant(t.bookedAt(), banking.zone()).toString(), t.amount(), t.currency(),
                        t.counterparty(), t.description()));
            }
        }
        return new Balances(lines, recent);
    }

    private static ToolError refusal(ToolContext ctx) {
        return new ToolError("refused", ctx.language() == Language.ZH
                ? "只能查询和操作您本人名下的账户。" : "Only the signed-in customer's own accounts can be used.");
    }

    static String problemText(String problem, Language language) {
        boolean zh = language == Language.ZH;
        if ("payee_unknown".equals(problem)) {
            return zh ? "这位收款人不在您已保存的收款人中，请提供收款账号。" : "This payee is not among your saved payees; please give the account number.";
        }
        if ("no_account".equals(problem)) {
            return zh ? "没有找到可用于付款的账户。" : "No matching paying account was found.";
        }
        return zh ? "缺少转账金额或收款人。" : "The amount or the payee is missing.";
    }

    private UUID record(String name, String args, String result, RiskDecision decision, boolean executed, int step, ToolContext ctx) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ToolCallRecord r = new ToolCallRecord();
            r.id = UUID.randomUUID();
            r.conversationId = ctx.conversationId();
            r.messageId = ctx.messageId();
            r.step = step;
            r.name = name;
            r.arguments = args;
            r.result = result;
            r.riskLevel = decision.level().code();
            r.riskReasons = decision.codes().toArray(String[]::new);
            r.executed = executed;
            r.createdAt = java.time.Instant.now();
            r.persist();
            audit.append(ctx.customerId(), "tool.called", "conversation", ctx.conversationId().toString(), ReviewCases.detail(
                    "toolCall", r.id, "tool", name, "level", r.riskLevel, "reasons", decision.codes(), "executed", executed));
            return r.id;
        });
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
