package com.northbridge.assistant.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads suites and refuses a malformed one with the file, line and field at fault, for example
 * "evals/suites/transfers.yaml line 42, cases[3].turns[0].expect.risk: risk is red, yellow or blue".
 */
public final class SuiteLoader {

    /** A suite that could not be read. */
    public static final class MalformedSuite extends RuntimeException {
        private final Path file;
        private final int line;
        private final String field;

        MalformedSuite(Path file, int line, String field, String message) {
            super(file + (line > 0 ? " line " + line : "") + (field.isEmpty() ? "" : ", " + field) + ": " + message);
            this.file = file;
            this.line = line;
            this.field = field;
        }

        public Path file() {
            return file;
        }

        public int line() {
            return line;
        }

        public String field() {
            return field;
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private SuiteLoader() {
    }

    public static EvalSuite load(Path file) {
        EvalSuite suite = read(file, EvalSuite.class);
        String expected = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (!suite.suite().equals(expected)) {
            throw new MalformedSuite(file, 1, "suite", "the suite id must equal the file name (" + expected + ")");
        }
        return suite;
    }

    /** Any of our YAML files under evals/ as a record, refused like a suite: file, line and field at fault. */
    static <T> T read(Path file, Class<T> type) {
        try {
            return YAML.readValue(file.toFile(), type);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : null;
            String message = cause != null ? cause.getMessage() : e.getOriginalMessage().replaceAll("\\s*\\(class [^)]*\\)", "");
            throw new MalformedSuite(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), field, message);
        } catch (JsonProcessingException e) {
            throw new MalformedSuite(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "", e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every suite in a folder, or the named ones; case ids must be unique across all of them. */
    public static List<EvalSuite> loadAll(Path folder, List<String> names) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!names.isEmpty()) {
            List<Path> chosen = new ArrayList<>();
            for (String name : names) {
                Path p = folder.resolve(name.endsWith(".yaml") ? name : name + ".yaml");
                if (!Files.exists(p)) {
                    throw new MalformedSuite(p, 0, "", "no such suite; suites are the .yaml files of " + folder + " and the dataset suites " + DatasetSuites.NAMES);
                }
                chosen.add(p);
            }
            files = chosen;
        }
        List<EvalSuite> suites = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (Path f : files) {
            EvalSuite s = load(f);
            for (int i = 0; i < s.cases().size(); i++) {
                String id = s.cases().get(i).id();
                String previous = ids.putIfAbsent(id, s.suite());
                if (previous != null) {
                    throw new MalformedSuite(f, 0, "cases[" + i + "].id", "case id " + id + " is also used in suite " + previous);
                }
            }
            suites.add(s);
        }
        return suites;
    }
}
