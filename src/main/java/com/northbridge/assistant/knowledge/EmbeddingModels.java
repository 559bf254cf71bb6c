package com.northbridge.assistant.knowledge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.jboss.logging.Logger;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;

/**
 * Chooses the embedding model from configuration: in-process bge-small-zh-v1.5 (no network, Chinese and
 * English) by default, or any OpenAI-compatible embeddings endpoint.
 */
@ApplicationScoped
public class EmbeddingModels {

    private static final Logger LOG = Logger.getLogger(EmbeddingModels.class);

    @Produces
    @ApplicationScoped
    EmbeddingModel embeddingModel(KnowledgeConfig config) {
        KnowledgeConfig.Embedding embedding = config.embedding();
        return switch (embedding.provider()) {
            case ONNX -> {
                LOG.info("Embeddings: in-process bge-small-zh-v1.5 (quantized, 512 dimensions)");
                yield new BgeSmallZhV15QuantizedEmbeddingModel();
            }
            case OPENAI -> {
                String baseUrl = embedding.baseUrl().orElseThrow(() -> new IllegalStateException(
                        "knowledge.embedding.provider=openai needs knowledge.embedding.base-url"));
                LOG.infof("Embeddings: %s at %s (%d dimensions)", embedding.modelName(), baseUrl, embedding.dimension());
                yield OpenAiEmbeddingModel.builder()
                        .baseUrl(baseUrl)
                        .apiKey(embedding.apiKey().orElse("none"))
                        .modelName(embedding.modelName())
                        .dimensions(embedding.dimension())
                        .timeout(embedding.timeout())
                        .maxRetries(2)
                        .build();
            }
        };
    }
}
