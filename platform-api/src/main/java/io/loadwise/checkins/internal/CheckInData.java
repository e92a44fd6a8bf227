package io.loadwise.checkins.internal;

import io.loadwise.checkins.CheckIn;
import io.loadwise.checkins.LoggedLoad;
import io.loadwise.checkins.SessionLog;
import io.loadwise.privacy.ExportFile;
import io.loadwise.privacy.PersonalData;
import io.loadwise.roster.ClientId;
import io.loadwise.shared.Csv;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The client's symptom check-ins and session logs: health data she entered herself, exported as
 * {@code check-ins.csv} and {@code session-logs.csv} and erased with her.
 */
@Component
class CheckInData implements PersonalData {

    private final CheckInRepository repository;

    CheckInData(CheckInRepository repository) {
        this.repository = repository;
    }

    @Override
    public String category() {
        return "checkIns";
    }

    @Override
    public int order() {
        return 55;
    }

    @Override
    public Object export(ClientId client) {
        return Map.of("checkIns", repository.allCheckIns(client), "sessionLogs", repository.allLogs(client));
    }

    @Override
    public List<ExportFile> files(ClientId client) {
        StringBuilder checkIns = new StringBuilder(Csv.row(List.of(
                "date",
                "pain_during",
                "morning_pain",
                "morning_stiffness",
                "pain_after_sitting",
                "sleep_hours",
                "notes",
                "recorded_at")));
        for (CheckIn c : repository.allCheckIns(client)) {
            checkIns.append(Csv.row(List.of(
                    c.date().toString(),
                    text(c.painDuring()),
                    text(c.morningPain()),
                    text(c.morningStiffness()),
                    text(c.painAfterSitting()),
                    text(c.sleepHours()),
                    c.notes(),
                    c.recordedAt().toString())));
        }
        StringBuilder logs = new StringBuilder(Csv.row(List.of(
                "session_date", "outcome", "duration_minutes", "distance_km", "rpe", "loads", "notes", "logged_at")));
        for (SessionLog log : repository.allLogs(client)) {
            logs.append(Csv.row(List.of(
                    log.sessionDate().toString(),
                    log.outcome().code(),
                    text(log.durationMinutes()),
                    text(log.distanceKm()),
                    text(log.rpe()),
                    log.loads().stream().map(CheckInData::load).collect(Collectors.joining("; ")),
                    log.notes(),
                    log.loggedAt().toString())));
        }
        return List.of(
                ExportFile.text("check-ins.csv", checkIns.toString()),
                ExportFile.text("session-logs.csv", logs.toString()));
    }

    @Override
    public int erase(ClientId client) {
        return repository.eraseAll(client);
    }

    /** One exercise as a reader would write it: "Split squat 3 × 8 @ 20 kg". */
    private static String load(LoggedLoad load) {
        List<String> parts = new ArrayList<>();
        parts.add(load.exercise());
        if (load.sets() != null || load.reps() != null || load.holdSeconds() != null) {
            String sets = load.sets() == null ? "" : load.sets() + " × ";
            parts.add(sets + (load.holdSeconds() != null ? load.holdSeconds() + " s" : text(load.reps())));
        }
        if (load.loadKg() != null) {
            parts.add("@ " + load.loadKg().stripTrailingZeros().toPlainString() + " kg");
        }
        return String.join(" ", parts);
    }

    private static String text(@Nullable Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return value == null ? "" : value.toString();
    }
}
