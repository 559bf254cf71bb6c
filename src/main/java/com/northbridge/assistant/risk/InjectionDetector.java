package com.northbridge.assistant.risk;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Interim: instructions aimed at the assistant, in a message or hidden in a document. */
public final class InjectionDetector {

    private static final Pattern INSTRUCTION = Pattern.compile(
            "(?i)ignore (all )?(your |previous |prior |above )?(instructions|rules)|system prompt|(ai|assistant|model)\\s*[:：]\\s*(ignore|tell|say)|忽略(之前|以上|前面|你的)?的?(所有)?(指令|规则)|系统提示|提示词|致\\s*AI");

    private InjectionDetector() {
    }

    public static Optional<String> detect(String text) {
        Matcher m = INSTRUCTION.matcher(text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }
}
