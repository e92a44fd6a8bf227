package io.loadwise.plans;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The phases of a template, or of a plan made from one (a plan keeps its own copy, so editing the
 * template later changes no client's plan). Stored as one JSON document.
 */
public record TemplateContent(List<Phase> phases) {

    public TemplateContent {
        phases = phases == null ? List.of() : List.copyOf(phases);
    }

    public Optional<Phase> phase(String key) {
        return phases.stream().filter(phase -> phase.key().equals(key)).findFirst();
    }

    /** The phase after {@code key}: its {@code next}, else the following one in the list. */
    public Optional<Phase> phaseAfter(String key) {
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            if (phase.key().equals(key)) {
                if (phase.next() != null) {
                    return phase(phase.next());
                }
                return i + 1 < phases.size() ? Optional.of(phases.get(i + 1)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The phases in the order a client goes through them, from {@code firstKey}. Stops at a phase
     * seen before, so a cyclic document (which validation refuses) cannot loop forever here.
     */
    public List<Phase> sequenceFrom(String firstKey) {
        List<Phase> sequence = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Optional<Phase> current = phase(firstKey);
        while (current.isPresent() && seen.add(current.get().key())) {
            sequence.add(current.get());
            current = phaseAfter(current.get().key());
        }
        return sequence;
    }

    public int totalWeeks() {
        return phases.isEmpty()
                ? 0
                : sequenceFrom(phases.getFirst().key()).stream()
                        .mapToInt(p -> p.weeks().size())
                        .sum();
    }
}
