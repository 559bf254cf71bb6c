package com.northbridge.assistant.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.northbridge.assistant.risk.Emotion.Kind;

class EmotionDetectorTest {

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "This is the worst bank ever, I am furious!!!|ANGER",
            "你们这什么垃圾服务，气死我了！！！|ANGER",
            "I am SO fed up with this, third time I call and NOTHING IS DONE!!|FRUSTRATION",
            "受够了，投诉你们都没用，太差劲了！！|FRUSTRATION",
            "Please help, I'm panicking, all my savings are gone and I don't know what to do|ANXIETY",
            "急死了！！钱不见了怎么办啊？？？|ANXIETY",
    })
    void strong_emotion_reaches_the_hand_over_threshold(String message, Kind kind) {
        Emotion emotion = EmotionDetector.assess(message);
        assertThat(emotion.kind()).isEqualTo(kind);
        assertThat(emotion.strong()).as("intensity %s", emotion.intensity()).isTrue();
        assertThat(emotion.cues()).isNotEmpty();
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "the app is a bit annoying today|FRUSTRATION",
            "有点担心我的卡|ANXIETY",
            "I'm a little worried about the transfer|ANXIETY",
            "登录密码连着输错了五次被锁住了，怎么办|ANXIETY",
            "the app keeps kicking me out every time i go make a coffee, so annoying|FRUSTRATION",
    })
    void one_mild_word_is_noticed_but_not_strong(String message, Kind kind) {
        Emotion emotion = EmotionDetector.assess(message);
        assertThat(emotion.kind()).isEqualTo(kind);
        assertThat(emotion.intensity()).isGreaterThan(0);
        assertThat(emotion.strong()).as("intensity %s", emotion.intensity()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "What is the transfer limit for a new payee?",
            "我想查一下我的余额",
            "I'm not worried, just curious how long it takes",
            "不着急，慢慢来",
            "麻烦帮我查一下最近的交易",
            "Can I get a PIN reminder by SMS at the ATM?",
            "给我妈的账号转一万",
            "",
    })
    void a_calm_question_shows_no_emotion(String message) {
        assertThat(EmotionDetector.assess(message)).isEqualTo(Emotion.NONE);
    }

    @Test
    void very_and_太_make_the_same_word_stronger_a_bit_and_有点_weaker() {
        double plain = EmotionDetector.assess("I am worried").intensity();
        assertThat(EmotionDetector.assess("I am very worried").intensity()).isGreaterThan(plain);
        assertThat(EmotionDetector.assess("I am a bit worried").intensity()).isLessThan(plain);
        double zh = EmotionDetector.assess("我担心").intensity();
        assertThat(EmotionDetector.assess("我太担心了").intensity()).isGreaterThan(zh);
        assertThat(EmotionDetector.assess("我有点担心").intensity()).isLessThan(zh);
    }

    @Test
    void shouting_and_punctuation_add_to_the_words() {
        double calm = EmotionDetector.assess("this is ridiculous").intensity();
        assertThat(EmotionDetector.assess("this is ridiculous!!!").intensity()).isGreaterThan(calm);
        assertThat(EmotionDetector.assess("THIS IS RIDICULOUS").intensity()).isGreaterThan(calm);
        assertThat(EmotionDetector.assess("WHY IS MY CARD NOT WORKING AGAIN???").kind()).isEqualTo(Kind.FRUSTRATION);
    }

    @Test
    void acronyms_in_capitals_are_not_shouting() {
        assertThat(EmotionDetector.assess("My PIN for the ATM and the SMS OTP in CNY")).isEqualTo(Emotion.NONE);
    }

    @Test
    void intensity_stays_within_zero_and_one() {
        Emotion emotion = EmotionDetector.assess("WORST BANK EVER!!! I AM FURIOUS, FED UP, DISGUSTED, THIS IS A SCAM, 气死了 垃圾银行 受够了！！！");
        assertThat(emotion.intensity()).isBetween(0.0, 1.0);
        assertThat(emotion.strong()).isTrue();
        assertThatThrownBy(() -> new Emotion(Kind.ANGER, 1.5, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
