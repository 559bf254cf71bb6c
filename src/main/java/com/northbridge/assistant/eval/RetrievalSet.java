package com.northbridge.assistant.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Loads the retrieval questions from the YAML files of a folder and checks that each is well formed. */
public final class RetrievalSet {

    private record FileContent(List<RetrievalQuestion> questions) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RetrievalSet() {
    }

    public static List<RetrievalQuestion> load(Path folder) {
        List<RetrievalQuestion> all = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                FileContent content;
                try {
                    content = YAML.readValue(file.toFile(), FileContent.class);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(file + ": " + e.getOriginalMessage()
                            + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
                }
                for (RetrievalQuestion q : content.questions()) {
                    String where = file.getFileName() + " question " + q.id();
                    require(q.id() != null && !q.id().isBlank(), file.getFileName() + ": a question has no id");
                    require(ids.add(q.id()), where + ": id used twice");
                    require("en".equals(q.lang()) || "zh".equals(q.lang()), where + ": lang must be en or zh");
                    require(q.question() != null && !q.question().isBlank(), where + ": question is empty");
                    require(q.isAnswerable() == !q.places().isEmpty(),
                            where + ": an answerable question needs expect places, an unanswerable one none");
                    q.places().forEach(p -> require(p.doc() != null && !p.doc().isBlank(), where + ": a place has no doc"));
                    all.add(q);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
