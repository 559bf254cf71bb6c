package com.northbridge.assistant.risk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A level and the reasons that forced it. The level is derived from the reasons, never set on its own. */
public record RiskDecision(RiskLevel level, List<RiskReason> reasons, List<String> cues) {

    public static final RiskDecision BLUE = of(List.of(RiskReason.DOCUMENT_ANSWER), List.of());

    public static RiskDecision of(Collection<RiskReason> reasons, List<String> cues) {
        Set<RiskReason> set = reasons.isEmpty() ? EnumSet.of(RiskReason.DOCUMENT_ANSWER) : EnumSet.copyOf(reasons);
        if (set.size() > 1) {
            set.remove(RiskReason.DOCUMENT_ANSWER); // "blue" only when nothing else applies
        }
        RiskLevel level = RiskLevel.BLUE;
        for (RiskReason r : set) {
            level = level.max(r.level());
        }
        return new RiskDecision(level, List.copyOf(set), List.copyOf(cues));
    }

    /** This decision joined with more reasons: levels only ever go up. */
    public RiskDecision with(Collection<RiskReason> more, List<String> moreCues) {
        List<RiskReason> all = new ArrayList<>(reasons);
        all.addAll(more);
        List<String> cueList = new ArrayList<>(cues);
        cueList.addAll(moreCues);
        return of(all, cueList);
    }

    public RiskDecision with(RiskDecision other) {
        return with(other.reasons(), other.cues());
    }

    public boolean refuses() {
        return reasons.stream().anyMatch(RiskReason::refuses);
    }

    public boolean has(RiskReason reason) {
        return reasons.contains(reason);
    }

    public List<String> codes() {
        return reasons.stream().map(RiskReason::code).toList();
    }
}
