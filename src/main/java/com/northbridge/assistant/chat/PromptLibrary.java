package com.northbridge.assistant.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The prompts of prompts/*.md, each with a front matter of id and version. Loaded once; a missing or
 * malformed prompt stops the service at start-up rather than in a customer's conversation.
 */
public final class PromptLibrary {

    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\R(.*?)\\R---\\R(.*)\\z", Pattern.DOTALL);
    private static final Pattern FIELD = Pattern.compile("(?m)^(\\w+):\\s*(.+?)\\s*$");

    private final Map<String, Prompt> prompts;

    private PromptLibrary(Map<String, Prompt> prompts) {
        this.prompts = Map.copyOf(prompts);
    }

    public static PromptLibrary load(Path folder) {
        Map<String, Prompt> prompts = new HashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Prompt prompt = parse(file.getFileName().toString(), Files.readString(file));
                if (prompts.put(prompt.id(), prompt) != null) {
                    throw new IllegalStateException(file + ": prompt id " + prompt.id() + " is used twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the prompts in " + folder.toAbsolutePath(), e);
        }
        return new PromptLibrary(prompts);
    }

    static Prompt parse(String name, String content) {
        Matcher m = FRONT_MATTER.matcher(content.replace("\r\n", "\n"));
        if (!m.matches()) {
            throw new IllegalStateException(name + ": a prompt starts with a front matter between --- lines (id, version)");
        }
        Map<String, String> fields = new HashMap<>();
        Matcher f = FIELD.matcher(m.group(1));
        while (f.find()) {
            fields.put(f.group(1), f.group(2));
        }
        String id = fields.get("id");
        if (id == null || id.isBlank()) {
            throw new IllegalStateException(name + ": the front matter has no id");
        }
        int version;
        try {
            version = Integer.parseInt(fields.getOrDefault("version", ""));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + ": version must be a whole number", e);
        }
        return new Prompt(id, version, m.group(2).strip());
    }

    public Prompt get(String id) {
        Prompt prompt = prompts.get(id);
        if (prompt == null) {
            throw new IllegalStateException("There is no prompt with id " + id + " in prompts/");
        }
        return prompt;
    }

    /** Every prompt as id@version, sorted: what an evaluation run records as the prompts it used. */
    public java.util.List<String> references() {
        return prompts.values().stream().map(Prompt::reference).sorted().toList();
    }
}
