package io.loadwise.planengine;

import io.loadwise.shared.Codes;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a dial-back trigger measures in a check-in. Pain scales run 0-10; the two differences
 * (against the client's baseline, against the previous check-in) run -10..10.
 */
public enum TriggerMetric {
    PAIN_DURING(0, 10),
    MORNING_PAIN(0, 10),
    MORNING_PAIN_ABOVE_BASELINE(-10, 10),
    STIFFNESS_RISE(-10, 10),
    PAIN_AFTER_SITTING(0, 10);

    private final int min;
    private final int max;

    TriggerMetric(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public String code() {
        return Codes.of(this);
    }

    public static Optional<TriggerMetric> ofCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code().equals(code)).findFirst();
    }
}
