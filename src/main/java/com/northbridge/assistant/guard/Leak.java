package com.northbridge.assistant.guard;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an answer would have shown of other customers' data: which kinds of data and whose (customer ids),
 * never the data itself, so that the cue can be logged and shown to reviewers.
 */
public record Leak(Set<Identifier.Kind> kinds, Set<String> customers) {

    public Leak {
        kinds = Set.copyOf(kinds);
        customers = Set.copyOf(customers);
    }

    /** For the turn's cues: "answer withheld: it showed a mobile number of another customer (c002)". */
    public String cue() {
        String what = kinds.stream().sorted().map(Identifier.Kind::words).collect(Collectors.joining(" and "));
        String whose = customers.stream().sorted().collect(Collectors.joining(", "));
        return "answer withheld: it showed " + what + " of another customer (" + whose + ")";
    }
}
