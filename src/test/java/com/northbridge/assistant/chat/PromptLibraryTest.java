package com.northbridge.assistant.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.northbridge.assistant.text.Language;

class PromptLibraryTest {

    private final PromptLibrary library = PromptLibrary.load(Path.of("prompts"));

    @Test
    void every_prompt_the_assistant_needs_is_there_with_a_version() {
        for (String id : new String[] {"system", "answer-with-sources", "refusal", "handoff", "summary", "greeting", "out-of-scope"}) {
            assertThat(library.get(id).version()).as(id).isPositive();
        }
        assertThat(library.get("system").reference()).isEqualTo("system@1");
    }

    @Test
    void renders_placeholders_and_refuses_a_missing_value() {
        Prompt answer = library.get("answer-with-sources");
        String text = answer.render(Map.of("sources", "[Kabc123] T\nx", "history", "(none)", "question", "fees?"));
        assertThat(text).contains("[Kabc123] T").contains("The customer asks: fees?").doesNotContain("{{");
        assertThatThrownBy(() -> answer.render(Map.of("sources", "x"))).hasMessageContaining("{{history}}");
    }

    @Test
    void fixed_texts_exist_in_both_languages() {
        assertThat(library.get("refusal").in(Language.ZH)).contains("人工");
        assertThat(library.get("refusal").in(Language.EN)).contains("colleague");
    }

    @Test
    void a_prompt_without_front_matter_or_version_is_refused_with_its_name() {
        assertThatThrownBy(() -> PromptLibrary.parse("bad.md", "no front matter")).hasMessageContaining("bad.md");
        assertThatThrownBy(() -> PromptLibrary.parse("bad.md", "---\nid: x\nversion: one\n---\ntext")).hasMessageContaining("version");
    }
}
