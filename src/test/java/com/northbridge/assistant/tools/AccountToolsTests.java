package com.northbridge.assistant.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.northbridge.assistant.banking.DemoBank;
import com.northbridge.assistant.chat.Conversation;
import com.northbridge.assistant.risk.RiskDecision;
import com.northbridge.assistant.risk.RiskLevel;
import com.northbridge.assistant.risk.RiskReason;
import com.northbridge.assistant.text.Language;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Each tool with valid and invalid input, in both languages, through the one path every call takes. */
@QuarkusTest
class AccountToolsTests {

    @Inject
    AccountTools tools;

    private final ObjectMapper json = new ObjectMapper();

    private ToolContext context(String customer, Language language) {
        UUID conversation = QuarkusTransaction.requiringNew().call(() -> {
            Conversation c = new Conversation();
            c.id = UUID.randomUUID();
            c.customerId = customer;
            c.channel = "app";
            c.language = language.code();
            c.state = Conversation.ACTIVE;
            c.createdAt = Instant.now();
            c.updatedAt = c.createdAt;
            c.persist();
            return c.id;
        });
        return new ToolContext(customer, conversation, UUID.randomUUID(), language, Instant.now());
    }

    private ToolOutcome run(String tool, String args, ToolContext ctx) {
        return tools.run(ToolExecutionRequest.builder().id("t1").name(tool).arguments(args).build(), 1, ctx, RiskDecision.BLUE);
    }

    private JsonNode result(ToolOutcome o) throws Exception {
        return json.readTree(o.result());
    }

    @Test
    void offers_four_tools_none_of_which_takes_a_customer_id() {
        assertThat(tools.specifications()).extracting(s -> s.name())
                .containsExactly("lookup_balance", "validate_form", "check_transfer_risk", "request_transfer");
        assertThat(tools.specifications()).allSatisfy(s -> assertThat(s.parameters().properties()).doesNotContainKey("customerId"));
    }

    @Test
    void balance_lookup_reads_own_accounts_and_masks_numbers() throws Exception {
        ToolOutcome o = run("lookup_balance", "{\"transactions\": 3}", context("c001", Language.EN));
        assertThat(o.executed()).isTrue();
        assertThat(o.decision().level()).isEqualTo(RiskLevel.YELLOW);
        JsonNode r = result(o);
        String main = DemoBank.mainAccount("c001");
        assertThat(r.path("accounts").get(0).path("account").asText()).isEqualTo("****" + main.substring(main.length() - 4));
        assertThat(o.result()).doesNotContain(main);
        assertThat(r.path("recentTransactions")).hasSize(3);
    }

    @Test
    void balance_lookup_of_someone_elses_account_is_refused_and_red() throws Exception {
        ToolOutcome o = run("lookup_balance", "{\"account\": \"" + DemoBank.mainAccount("c002") + "\"}", context("c001", Language.ZH));
        assertThat(o.executed()).isFalse();
        assertThat(o.decision().level()).isEqualTo(RiskLevel.RED);
        assertThat(o.decision().reasons()).contains(RiskReason.OTHER_CUSTOMER_DATA);
        assertThat(result(o).path("error").asText()).isEqualTo("refused");
        assertThat(result(o).path("message").asText()).contains("本人");
    }

    @Test
    void an_unknown_suffix_is_not_an_account_of_yours() throws Exception {
        ToolOutcome o = run("lookup_balance", "{\"account\": \"0000\"}", context("c001", Language.EN));
        assertThat(result(o).path("error").asText()).isEqualTo("no_such_account");
        assertThat(o.decision().level()).isEqualTo(RiskLevel.YELLOW);
    }

    @Test
    void bad_arguments_are_an_error_result_not_an_exception() throws Exception {
        ToolOutcome o = run("lookup_balance", "{\"transactions\": \"lots\"}", context("c001", Language.EN));
        assertThat(result(o).path("error").asText()).isEqualTo("invalid_arguments");
        assertThat(o.executed()).isFalse();
        ToolOutcome unknown = run("wire_everything", "{}", context("c001", Language.EN));
        assertThat(unknown.decision().reasons()).contains(RiskReason.PROMPT_INJECTION);
    }

    @Test
    void form_validation_returns_every_error_in_the_customers_language() throws Exception {
        String form = "{\"form\": \"loan_application\", \"fields\": {\"fullName\": \"王芳\", \"residentId\": \"110105199001011231\", "
                + "\"mobile\": \"12345\", \"amount\": \"500000\", \"termMonths\": \"24\", \"purpose\": \"买房\", \"monthlyIncome\": \"9000\", "
                + "\"incomeMonths\": \"12\"}}";
        JsonNode zh = result(run("validate_form", form, context("c001", Language.ZH)));
        assertThat(zh.path("valid").asBoolean()).isFalse();
        assertThat(zh.path("errors").findValuesAsText("field")).contains("residentId", "mobile", "amount", "purpose");
        assertThat(zh.path("errors").get(0).path("message").asText()).containsPattern("\\p{IsHan}");
        JsonNode en = result(run("validate_form", form, context("c002", Language.EN)));
        assertThat(en.path("errors").get(0).path("message").asText()).doesNotContainPattern("\\p{IsHan}");
        JsonNode badForm = result(run("validate_form", "{\"form\": \"tax_return\", \"fields\": {}}", context("c001", Language.EN)));
        assertThat(badForm.path("error").asText()).isEqualTo("invalid_arguments");
    }

    @Test
    void the_risk_check_scores_without_moving_money() throws Exception {
        ToolOutcome ok = run("check_transfer_risk", "{\"payeeName\": \"James Carter\", \"amount\": 100}", context("c001", Language.EN));
        assertThat(ok.executed()).isTrue();
        assertThat(result(ok).has("score")).isTrue();
        ToolOutcome big = run("check_transfer_risk", "{\"payeeName\": \"Someone New\", \"payeeAccount\": \"6217000012345670\", \"amount\": 49500}",
                context("c009", Language.EN));
        assertThat(result(big).path("flagged").asBoolean()).isTrue();
        assertThat(result(big).path("reasons").toString()).contains("structuring").contains("new_payee");
        assertThat(big.decision().reasons()).contains(RiskReason.RISK_CHECK_FLAG);
        assertThat(big.decision().level()).isEqualTo(RiskLevel.RED);
    }

    @Test
    void a_transfer_request_becomes_a_case_and_invalid_ones_become_nothing() throws Exception {
        ToolContext ctx = context("c002", Language.EN);
        ToolOutcome ok = run("request_transfer", "{\"payeeName\": \"王芳\", \"amount\": 15}", ctx);
        assertThat(ok.decision().level()).isEqualTo(RiskLevel.RED);
        assertThat(ok.executed()).isFalse(); // no money moves
        assertThat(ok.pending()).isNotNull();
        assertThat(ok.pending().caseId()).isNotNull();
        ToolOutcome again = run("request_transfer", "{\"payeeName\": \"王芳\", \"amount\": 15}", ctx);
        assertThat(again.pending().transferId()).isEqualTo(ok.pending().transferId());
        assertThat(result(again).path("duplicate").asBoolean()).isTrue();

        JsonNode unknown = result(run("request_transfer", "{\"payeeName\": \"Nobody Known\", \"amount\": 15}", ctx));
        assertThat(unknown.path("status").asText()).isEqualTo("payee_unknown");
        JsonNode invalid = result(run("request_transfer", "{\"payeeName\": \"Anna\", \"payeeAccount\": \"6217000012345678\", \"amount\": 15}", ctx));
        assertThat(invalid.path("status").asText()).isEqualTo("invalid");
        assertThat(invalid.path("errors").findValuesAsText("field")).contains("payeeAccount");
        assertThat(invalid.path("transferId").isNull()).isTrue();
    }
}
