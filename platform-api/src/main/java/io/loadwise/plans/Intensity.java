package io.loadwise.plans;

/**
 * How hard: {@code rpe} "3-4", {@code hr_zone} "2", {@code pace} "6:00/km". The value is shown to
 * the client as written.
 */
public record Intensity(IntensityScale scale, String value) {

    public static Intensity rpe(String value) {
        return new Intensity(IntensityScale.RPE, value);
    }

    @Override
    public String toString() {
        return switch (scale) {
            case RPE -> "RPE " + value;
            case HR_ZONE -> "HR zone " + value;
            case PACE -> "pace " + value;
        };
    }
}
