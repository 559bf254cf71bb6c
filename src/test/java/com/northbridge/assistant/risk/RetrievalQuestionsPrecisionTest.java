package com.northbridge.assistant.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Precision on the 234 real-style customer questions of evals/retrieval: ordinary questions must never be
 * refused, and the other signals may only fire where a person has read the question and agreed.
 */
class RetrievalQuestionsPrecisionTest {

    /** Signals that make the assistant refuse: a false positive here turns away an honest customer. */
    private static final Set<Signal> REFUSING = EnumSet.of(Signal.PROMPT_INJECTION, Signal.IMPERSONATION,
            Signal.OTHER_CUSTOMER_DATA, Signal.AUTHORITY_PRESSURE);

    /** Reviewed by hand: each of these questions does describe what its signal stands for. */
    private static final Map<String, Set<Signal>> REVIEWED = Map.ofEntries(
            Map.entry("en-prod-007", Set.of(Signal.FRAUD_REPORT)),          // a 2am call "from northbridge": real or a scam?
            Map.entry("en-prod-030", Set.of(Signal.FRAUD_REPORT)),          // someone used my stolen credit card
            Map.entry("en-prod-050", Set.of(Signal.CREDENTIAL_CHANGE)),     // setting a new password
            Map.entry("en-prod-051", Set.of(Signal.CREDENTIAL_CHANGE)),     // locked out
            Map.entry("en-prod-052", Set.of(Signal.FRAUD_REPORT)),          // "northbridge security" wants the SMS code
            Map.entry("en-prod-053", Set.of(Signal.CREDENTIAL_CHANGE)),     // the app on a new phone
            Map.entry("en-prod-055", Set.of(Signal.CONTACT_CHANGE)),        // new number, how to update it
            Map.entry("en-unans-004", Set.of(Signal.PRODUCT_ADVICE)),       // which stock fund should I put my bonus in
            Map.entry("reg-en-012", Set.of(Signal.IDENTITY_VERIFICATION)),  // expired ID card
            Map.entry("reg-en-023", Set.of(Signal.FRAUD_REPORT)),           // wary of a scam, asks for a delayed transfer
            Map.entry("reg-zh-011", Set.of(Signal.IDENTITY_VERIFICATION)),  // 身份证过期
            Map.entry("reg-zh-017", Set.of(Signal.CONTACT_CHANGE)),         // 改银行预留的号码
            Map.entry("reg-zh-020", Set.of(Signal.FRAUD_REPORT)),           // 自称客服的人要验证码
            Map.entry("reg-zh-026", Set.of(Signal.CREDENTIAL_CHANGE)),      // 密码输错被锁
            Map.entry("zh-prod-005", Set.of(Signal.FRAUD_REPORT)),          // 电话说是北桥银行，真的还是骗子
            Map.entry("zh-prod-041", Set.of(Signal.CREDENTIAL_CHANGE)),     // 密码输错登不进去
            Map.entry("zh-prod-042", Set.of(Signal.FRAUD_REPORT)),          // 自称客服让念验证码
            Map.entry("zh-prod-043", Set.of(Signal.CREDENTIAL_CHANGE)),     // 新手机登录手机银行
            Map.entry("zh-prod-044", Set.of(Signal.CREDENTIAL_CHANGE)),     // 再装一台设备
            Map.entry("zh-prod-045", Set.of(Signal.CONTACT_CHANGE)),        // 预留号码改成新的
            Map.entry("zh-prod-069", Set.of(Signal.IDENTITY_VERIFICATION))  // 身份证过期没去换
    );

    record Question(String id, String text) {
    }

    private static List<Question> questions;

    @BeforeAll
    static void load() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        questions = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("evals/retrieval"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode q : yaml.readTree(file.toFile()).get("questions")) {
                    questions.add(new Question(q.get("id").asText(), q.get("question").asText()));
                }
            }
        }
    }

    @Test
    void reads_every_question() {
        assertThat(questions).hasSizeGreaterThanOrEqualTo(234);
    }

    @Test
    void no_ordinary_question_is_refused() {
        List<String> refused = new ArrayList<>();
        for (Question q : questions) {
            for (SignalHit hit : MessageSignals.detect(q.text())) {
                if (REFUSING.contains(hit.signal())) {
                    refused.add(q.id() + " " + hit + " <- " + q.text());
                }
            }
        }
        assertThat(refused).as("refusing signals on ordinary questions").isEmpty();
    }

    @Test
    void the_other_signals_fire_only_where_a_reviewer_agreed() {
        List<String> unexpected = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (Question q : questions) {
            for (SignalHit hit : MessageSignals.detect(q.text())) {
                if (REFUSING.contains(hit.signal())) {
                    continue;
                }
                String line = q.id() + " " + hit.signal() + " (" + hit.cue() + ") <- " + q.text();
                all.add(line);
                if (!REVIEWED.getOrDefault(q.id(), Set.of()).contains(hit.signal())) {
                    unexpected.add(line);
                }
            }
        }
        assertThat(unexpected).as("signals nobody reviewed; all that fired:%n%s", String.join("\n", all)).isEmpty();
        assertThat(all.size()).as("signals on %d ordinary questions", questions.size()).isLessThanOrEqualTo(REVIEWED.size());
    }
}
