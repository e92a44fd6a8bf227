package io.loadwise.plans.web;

import io.loadwise.plans.ClientPlan;
import io.loadwise.plans.PlanDays;
import io.loadwise.plans.PlanOverview;
import io.loadwise.plans.PlanSession;
import io.loadwise.plans.SessionSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The plans' JSON shapes. */
final class PlanJson {

    private PlanJson() {}

    record Plan(
            UUID id,
            UUID clientId,
            @Nullable UUID templateId,
            String name,
            LocalDate startDate,
            LocalDate endDate,
            String status,
            String currentPhase,
            String currentPhaseName,
            @Nullable Integer baselineMorningPain,
            int revision,
            List<Week> weeks,
            List<Revision> revisions) {

        static Plan of(PlanOverview o) {
            ClientPlan p = o.plan();
            return new Plan(
                    p.id().value(),
                    p.clientId().value(),
                    p.templateId() == null ? null : p.templateId().value(),
                    p.name(),
                    p.startDate(),
                    p.endDate(),
                    p.status().code(),
                    p.currentPhase(),
                    o.currentPhaseName(),
                    p.baselineMorningPain(),
                    p.revision(),
                    o.weeks().stream()
                            .map(w -> new Week(
                                    w.number(),
                                    w.start(),
                                    w.end(),
                                    w.phaseName(),
                                    w.sessions().stream().map(Session::of).toList()))
                            .toList(),
                    o.revisions().stream().map(Revision::of).toList());
        }
    }

    record Week(int number, LocalDate start, LocalDate end, String phaseName, List<Session> sessions) {}

    /**
     * @param changedInRevision the revision that last changed it (null: as assigned)
     * @param changeReason why, for the client
     */
    record Session(
            UUID id,
            LocalDate date,
            String phaseKey,
            int weekNumber,
            String kind,
            String title,
            String status,
            SessionSpec spec,
            @Nullable Integer changedInRevision,
            @Nullable String changeReason) {

        static Session of(PlanSession s) {
            return new Session(
                    s.id().value(),
                    s.date(),
                    s.phaseKey(),
                    s.weekNumber(),
                    s.spec().kind().code(),
                    s.spec().title(),
                    s.status().code(),
                    s.spec(),
                    s.changedInRevision(),
                    s.changeReason());
        }
    }

    record Revision(
            int revision, String kind, String source, String reason, String madeBy, int changes, Instant createdAt) {

        static Revision of(PlanOverview.RevisionEntry e) {
            return new Revision(
                    e.revision().revision(),
                    e.revision().kind().code(),
                    e.revision().source().code(),
                    e.revision().reason(),
                    e.madeBy(),
                    e.revision().changes().size(),
                    e.revision().createdAt());
        }
    }

    record Summary(
            UUID id,
            String name,
            String status,
            LocalDate startDate,
            LocalDate endDate,
            int revision,
            Instant createdAt) {

        static Summary of(ClientPlan p) {
            return new Summary(
                    p.id().value(),
                    p.name(),
                    p.status().code(),
                    p.startDate(),
                    p.endDate(),
                    p.revision(),
                    p.createdAt());
        }
    }

    record Days(UUID planId, String planName, String status, String phaseName, List<Day> days) {

        static Days of(PlanDays d) {
            return new Days(
                    d.planId().value(),
                    d.planName(),
                    d.status().code(),
                    d.phaseName(),
                    d.days().stream()
                            .map(day -> new Day(
                                    day.date(),
                                    day.sessions().stream().map(Session::of).toList()))
                            .toList());
        }
    }

    record Day(LocalDate date, List<Session> sessions) {}
}
