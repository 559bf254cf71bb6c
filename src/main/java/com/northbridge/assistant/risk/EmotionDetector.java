package com.northbridge.assistant.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Interim emotion lexicon. */
public final class EmotionDetector {

    private static final Pattern ANGER = Pattern.compile("(?i)furious|worst bank|垃圾|气死");

    private EmotionDetector() {
    }

    public static Emotion assess(String text) {
        List<String> cues = new ArrayList<>();
        Matcher m = ANGER.matcher(text);
        while (m.find()) {
            cues.add(m.group());
        }
        double intensity = Math.min(1, cues.size() * 0.4 + (text.contains("!!") || text.contains("！！") ? 0.3 : 0));
        return new Emotion(cues.isEmpty() ? Emotion.Kind.NONE : Emotion.Kind.ANGER, intensity, cues);
    }
}
