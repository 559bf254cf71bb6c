package com.northbridge.assistant.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class QuestionGroupsTest {

    @Test
    void normalising_drops_case_punctuation_and_full_width_forms() {
        assertThat(QuestionGroups.normalise("  How do I open a Golden-Panda account？？ ")).isEqualTo("how do i open a golden panda account");
        assertThat(QuestionGroups.normalise("黄金熊猫账户怎么开，")).isEqualTo("黄金熊猫账户怎么开");
        assertThat(QuestionGroups.normalise("ＡＢＣ１２３")).isEqualTo("abc123");
    }

    @Test
    void questions_identical_after_normalising_are_one_group() {
        List<QuestionGroups.Group> groups = QuestionGroups.of(List.of("How do I open a Golden Panda account?", "how do i open a golden panda account",
                "What is the weather?"), 10);
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).question()).isEqualTo("How do I open a Golden Panda account?");
        assertThat(groups.get(0).count()).isEqualTo(2);
        assertThat(groups.get(0).variants()).isEmpty();
    }

    @Test
    void near_identical_questions_sharing_most_keywords_are_one_group() {
        List<QuestionGroups.Group> groups = QuestionGroups.of(List.of("黄金熊猫账户怎么开", "黄金熊猫账户怎么开", "请问黄金熊猫账户怎么开通",
                "Can I open a Golden Panda account online", "open golden panda account online?"), 10);
        assertThat(groups).extracting(QuestionGroups.Group::count).containsExactly(3L, 2L);
        assertThat(groups.get(0).question()).isEqualTo("黄金熊猫账户怎么开");
        assertThat(groups.get(0).variants()).containsExactly("请问黄金熊猫账户怎么开通");
    }

    @Test
    void questions_on_different_topics_stay_apart_and_the_largest_come_first() {
        List<QuestionGroups.Group> groups = QuestionGroups.of(List.of("Do you sponsor the dragon boat race?", "Is there a mortgage for boats?",
                "Is there a mortgage for boats", "Is there a mortgage for boats!"), 1);
        assertThat(groups).singleElement().satisfies(g -> {
            assertThat(g.question()).isEqualTo("Is there a mortgage for boats?");
            assertThat(g.count()).isEqualTo(3);
        });
        assertThat(QuestionGroups.of(List.of("", "  ?? "), 10)).isEmpty();
    }
}
