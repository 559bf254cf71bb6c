package com.northbridge.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;

/** Our session settings change how the models run, never what they compute: the same vectors as langchain4j's classes. */
class InProcessEmbeddingModelTest {

    @Test
    void the_chinese_model_gives_langchain4js_vectors() {
        same(InProcessEmbeddingModel.bgeSmallZh(), new BgeSmallZhV15QuantizedEmbeddingModel(), 512,
                List.of("白金卡年费多少 消费多少能免", "新增收款人首日累计不超过五千元。"));
    }

    @Test
    void the_english_model_gives_langchain4js_vectors() {
        same(InProcessEmbeddingModel.bgeSmallEn(), new BgeSmallEnV15QuantizedEmbeddingModel(), 384,
                List.of("how much can I send abroad in a day", "Transfers to a new payee are limited to 5,000 yuan on the first day."));
    }

    private static void same(EmbeddingModel ours, EmbeddingModel theirs, int dimension, List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        var a = ours.embedAll(segments).content();
        var b = theirs.embedAll(segments).content();
        assertThat(ours.dimension()).isEqualTo(dimension);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(a.get(i).dimension()).isEqualTo(dimension);
            assertThat(cosine(a.get(i).vector(), b.get(i).vector())).as(texts.get(i)).isGreaterThan(0.9999);
        }
    }

    private static double cosine(float[] x, float[] y) {
        double dot = 0;
        double nx = 0;
        double ny = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
            nx += x[i] * x[i];
            ny += y[i] * y[i];
        }
        return dot / Math.sqrt(nx * ny);
    }
}
