package io.loadwise.roster.web;

import io.loadwise.roster.AgeGroup;
import io.loadwise.roster.ClientFlag;
import io.loadwise.roster.ClientNote;
import io.loadwise.roster.ClientProfile;
import io.loadwise.roster.ClientStatus;
import io.loadwise.roster.CoachRef;
import io.loadwise.roster.ConsentState;
import io.loadwise.roster.Injury;
import io.loadwise.roster.InjuryDetails;
import io.loadwise.roster.InjurySide;
import io.loadwise.roster.MenopausalStatus;
import io.loadwise.roster.OwnProfile;
import io.loadwise.roster.OwnProfileChanges;
import io.loadwise.roster.ProfileChanges;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of client profiles, and turning request bodies into checked domain values. */
final class ProfileJson {

    private ProfileJson() {}

    record Coach(UUID id, String name) {
        static @Nullable Coach of(@Nullable CoachRef ref) {
            return ref == null ? null : new Coach(ref.id(), ref.name());
        }
    }

    record Consent(
            boolean granted,
            String wording,
            @Nullable Instant grantedAt,
            @Nullable Instant withdrawnAt) {
        static Consent of(ConsentState c) {
            return new Consent(c.granted(), c.wording(), c.grantedAt(), c.withdrawnAt());
        }
    }

    record InjuryView(
            UUID id,
            String condition,
            String side,
            @Nullable LocalDate since,
            @Nullable LocalDate resolvedOn,
            @Nullable String notes) {
        static InjuryView of(Injury i) {
            return new InjuryView(i.id(), i.condition(), i.side().dbValue(), i.since(), i.resolvedOn(), i.notes());
        }
    }

    record FlagView(String kind, String detail, int severity, Instant raisedAt) {
        static FlagView of(ClientFlag f) {
            return new FlagView(f.kind(), f.detail(), f.severity(), f.raisedAt());
        }
    }

    record Profile(
            UUID id,
            String displayName,
            String email,
            String status,
            @Nullable Coach leadCoach,
            List<Coach> coCoaches,
            List<String> tags,
            @Nullable String goal,
            @Nullable String ageGroup,
            @Nullable String menopausalStatus,
            Consent menopausalStatusConsent,
            @Nullable BigDecimal weeklyVolumeKm,
            @Nullable String races,
            List<InjuryView> injuries,
            List<FlagView> flags) {
        static Profile of(ClientProfile p) {
            return new Profile(
                    p.id().value(),
                    p.displayName(),
                    p.email(),
                    p.status().dbValue(),
                    Coach.of(p.leadCoach()),
                    p.coCoaches().stream().map(Coach::of).toList(),
                    p.tags(),
                    p.goal(),
                    p.ageGroup() == null ? null : p.ageGroup().dbValue(),
                    p.menopausalStatus() == null ? null : p.menopausalStatus().dbValue(),
                    Consent.of(p.menopausalStatusConsent()),
                    p.weeklyVolumeKm(),
                    p.races(),
                    p.injuries().stream().map(InjuryView::of).toList(),
                    p.flags().stream().map(FlagView::of).toList());
        }
    }

    record ProfileUpdate(
            @Nullable String displayName,
            @Nullable String status,
            @Nullable List<String> tags,
            @Nullable String goal,
            @Nullable String ageGroup,
            @Nullable String menopausalStatus,
            @Nullable BigDecimal weeklyVolumeKm,
            @Nullable String races) {
        ProfileChanges toChanges() {
            if (status == null || status.isBlank()) {
                throw new IllegalArgumentException("'status' is required: one of " + statuses() + ".");
            }
            return new ProfileChanges(
                    displayName == null ? "" : displayName,
                    ProfileJson.status(status),
                    tags == null ? List.of() : tags,
                    goal,
                    blank(ageGroup) ? null : AgeGroup.parse(ageGroup),
                    blank(menopausalStatus) ? null : MenopausalStatus.parse(menopausalStatus),
                    weeklyVolumeKm,
                    races);
        }
    }

    record OwnProfileView(
            UUID id,
            String displayName,
            String email,
            @Nullable String goal,
            @Nullable String ageGroup,
            @Nullable String menopausalStatus,
            Consent menopausalStatusConsent,
            @Nullable BigDecimal weeklyVolumeKm,
            @Nullable String races) {
        static OwnProfileView of(OwnProfile p) {
            return new OwnProfileView(
                    p.id().value(),
                    p.displayName(),
                    p.email(),
                    p.goal(),
                    p.ageGroup() == null ? null : p.ageGroup().dbValue(),
                    p.menopausalStatus() == null ? null : p.menopausalStatus().dbValue(),
                    Consent.of(p.menopausalStatusConsent()),
                    p.weeklyVolumeKm(),
                    p.races());
        }
    }

    record OwnProfileUpdate(
            @Nullable String displayName,
            @Nullable String goal,
            @Nullable String ageGroup,
            @Nullable String menopausalStatus,
            @Nullable BigDecimal weeklyVolumeKm,
            @Nullable String races) {
        OwnProfileChanges toChanges() {
            return new OwnProfileChanges(
                    displayName == null ? "" : displayName,
                    goal,
                    blank(ageGroup) ? null : AgeGroup.parse(ageGroup),
                    blank(menopausalStatus) ? null : MenopausalStatus.parse(menopausalStatus),
                    weeklyVolumeKm,
                    races);
        }
    }

    record CoachAssignment(
            @Nullable UUID leadCoachId, @Nullable List<UUID> coCoachIds) {}

    record InjuryRequest(
            @Nullable String condition,
            @Nullable String side,
            @Nullable LocalDate since,
            @Nullable LocalDate resolvedOn,
            @Nullable String notes) {
        InjuryDetails toDetails() {
            return new InjuryDetails(
                    condition == null ? "" : condition,
                    blank(side) ? InjurySide.NONE : InjurySide.parse(side),
                    since,
                    resolvedOn,
                    notes);
        }
    }

    record NoteRequest(@Nullable String body) {}

    /** @param version what to send back, quoted, in If-Match when editing the note */
    record Note(
            UUID id,
            UUID authorId,
            @Nullable String authorName,
            String body,
            Instant createdAt,
            Instant updatedAt,
            int version) {
        static Note of(ClientNote n) {
            return new Note(n.id(), n.authorId(), n.authorName(), n.body(), n.createdAt(), n.updatedAt(), n.version());
        }
    }

    static ClientStatus status(String value) {
        return Arrays.stream(ClientStatus.values())
                .filter(s -> s.dbValue().equals(value.trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "'" + value + "' is not a client status; use one of " + statuses() + "."));
    }

    private static String statuses() {
        return Arrays.stream(ClientStatus.values()).map(ClientStatus::dbValue).collect(Collectors.joining(", "));
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
