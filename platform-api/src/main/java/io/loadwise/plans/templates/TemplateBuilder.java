package io.loadwise.plans.templates;

import io.loadwise.plans.ExitCriteria;
import io.loadwise.plans.Phase;
import io.loadwise.plans.TemplateContent;
import io.loadwise.plans.TemplateSession;
import io.loadwise.plans.TemplateWeek;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The template builder's edits of a template document: each returns a new document and leaves the
 * given one alone, so an editor can keep its unsaved state and the last saved one side by side.
 * Indexes are 0-based; an index out of range is an {@link IllegalArgumentException}. Edits may
 * leave the document invalid for a while (a new phase has no sessions yet): {@link TemplateRules}
 * checks it when it is saved.
 */
public final class TemplateBuilder {

    /** Where a copied week goes. */
    public enum CopyPlacement {
        /** Right after the week copied. */
        AFTER_ITSELF,
        /** As the last week of its phase. */
        END_OF_PHASE
    }

    private TemplateBuilder() {}

    /** Adds a phase named {@code name} at the end, with a key made from its name and one empty week. */
    public static TemplateContent addPhase(TemplateContent content, String name) {
        List<Phase> phases = new ArrayList<>(content.phases());
        phases.add(new Phase(
                freeKey(content, name),
                name,
                "",
                "",
                ExitCriteria.DEFAULT,
                null,
                List.of(new TemplateWeek("", List.of()))));
        return new TemplateContent(phases);
    }

    /** Replaces a phase's own fields (key, name, goal, criteria, next), keeping its weeks. */
    public static TemplateContent updatePhase(TemplateContent content, int phase, Phase fields) {
        Phase old = phaseAt(content, phase);
        String oldKey = old.key();
        Phase updated = new Phase(
                fields.key(),
                fields.name(),
                fields.goal(),
                fields.entryCriteria(),
                fields.exit(),
                fields.next(),
                old.weeks());
        List<Phase> phases = new ArrayList<>();
        for (int i = 0; i < content.phases().size(); i++) {
            Phase p = i == phase ? updated : content.phases().get(i);
            // A renamed key keeps the phases that named it as their next pointing at it.
            if (i != phase && oldKey.equals(p.next()) && !oldKey.equals(fields.key())) {
                p = withNext(p, fields.key());
            }
            phases.add(p);
        }
        return new TemplateContent(phases);
    }

    /** Removes a phase; phases that named it as their next follow the list order instead. */
    public static TemplateContent removePhase(TemplateContent content, int phase) {
        String key = phaseAt(content, phase).key();
        List<Phase> phases = new ArrayList<>();
        for (int i = 0; i < content.phases().size(); i++) {
            if (i != phase) {
                Phase p = content.phases().get(i);
                phases.add(key.equals(p.next()) ? withNext(p, null) : p);
            }
        }
        return new TemplateContent(phases);
    }

    /** Moves a phase up ({@code -1}) or down ({@code +1}); at either end nothing changes. */
    public static TemplateContent movePhase(TemplateContent content, int phase, int direction) {
        phaseAt(content, phase);
        return new TemplateContent(swapped(content.phases(), phase, phase + Integer.signum(direction)));
    }

    /** Adds an empty week at the end of a phase. */
    public static TemplateContent addWeek(TemplateContent content, int phase) {
        return withWeeks(content, phase, weeks -> {
            weeks.add(new TemplateWeek("", List.of()));
            return weeks;
        });
    }

    public static TemplateContent setWeekFocus(TemplateContent content, int phase, int week, String focus) {
        return withWeeks(content, phase, weeks -> {
            TemplateWeek old = weekAt(weeks, week);
            weeks.set(week, new TemplateWeek(focus, old.sessions()));
            return weeks;
        });
    }

    public static TemplateContent removeWeek(TemplateContent content, int phase, int week) {
        return withWeeks(content, phase, weeks -> {
            weekAt(weeks, week);
            weeks.remove(week);
            return weeks;
        });
    }

    /** Moves a week up or down within its phase; at either end nothing changes. */
    public static TemplateContent moveWeek(TemplateContent content, int phase, int week, int direction) {
        return withWeeks(content, phase, weeks -> {
            weekAt(weeks, week);
            return new ArrayList<>(swapped(weeks, week, week + Integer.signum(direction)));
        });
    }

    /** Copies a week, sessions and focus, after itself or to the end of its phase. */
    public static TemplateContent copyWeek(TemplateContent content, int phase, int week, CopyPlacement placement) {
        return withWeeks(content, phase, weeks -> {
            TemplateWeek copy = weekAt(weeks, week);
            weeks.add(placement == CopyPlacement.AFTER_ITSELF ? week + 1 : weeks.size(), copy);
            return weeks;
        });
    }

    /** Adds a session to a week, after the sessions of its day. */
    public static TemplateContent addSession(TemplateContent content, int phase, int week, TemplateSession session) {
        return withSessions(content, phase, week, sessions -> {
            sessions.add(session);
            return sessions;
        });
    }

    /** Replaces a session (its index as in {@link #sessionsByDay}); a new day moves it to the end of that day. */
    public static TemplateContent replaceSession(
            TemplateContent content, int phase, int week, int session, TemplateSession replacement) {
        return withSessions(content, phase, week, sessions -> {
            TemplateSession old = sessionAt(sessions, session);
            if (old.day() == replacement.day()) {
                sessions.set(session, replacement);
            } else {
                sessions.remove(session);
                sessions.add(replacement);
            }
            return sessions;
        });
    }

    public static TemplateContent removeSession(TemplateContent content, int phase, int week, int session) {
        return withSessions(content, phase, week, sessions -> {
            sessionAt(sessions, session);
            sessions.remove(session);
            return sessions;
        });
    }

    /**
     * Moves a session earlier ({@code -1}) or later ({@code +1}) in the week: before or after the
     * session next to it on the same day, else to the day before (as its last session) or the day
     * after (as its first). Monday's first and Sunday's last session stay where they are.
     */
    public static TemplateContent moveSession(
            TemplateContent content, int phase, int week, int session, int direction) {
        return withSessions(content, phase, week, sessions -> {
            TemplateSession moving = sessionAt(sessions, session);
            int step = Integer.signum(direction);
            int neighbour = session + step;
            if (neighbour >= 0
                    && neighbour < sessions.size()
                    && sessions.get(neighbour).day() == moving.day()) {
                return new ArrayList<>(swapped(sessions, session, neighbour));
            }
            DayOfWeek day = moving.day();
            if ((step < 0 && day == DayOfWeek.MONDAY) || (step > 0 && day == DayOfWeek.SUNDAY) || step == 0) {
                return sessions;
            }
            TemplateSession moved = new TemplateSession(day.plus(step), moving.spec());
            sessions.remove(session);
            if (step < 0) {
                sessions.add(moved); // sorted to the end of the day before
            } else {
                int firstOfNextDay = 0;
                while (firstOfNextDay < sessions.size()
                        && sessions.get(firstOfNextDay).day().compareTo(moved.day()) < 0) {
                    firstOfNextDay++;
                }
                sessions.add(firstOfNextDay, moved);
            }
            return sessions;
        });
    }

    /** A week's sessions in the order they happen: by weekday, in list order within a day. */
    public static List<TemplateSession> sessionsByDay(TemplateWeek week) {
        return week.sessions().stream()
                .sorted(Comparator.comparing(TemplateSession::day))
                .toList();
    }

    /** A phase key made from a name: lower-case letters, digits and dashes, unique in the content. */
    public static String freeKey(TemplateContent content, String name) {
        String base =
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.length() > 56) {
            base = base.substring(0, 56).replaceAll("-+$", "");
        }
        if (base.isEmpty()) {
            base = "phase";
        }
        Set<String> taken = TemplateRules.keys(content);
        String key = base;
        for (int n = 2; taken.contains(key); n++) {
            key = base + "-" + n;
        }
        return key;
    }

    private static TemplateContent withWeeks(
            TemplateContent content, int phase, UnaryOperator<List<TemplateWeek>> change) {
        Phase old = phaseAt(content, phase);
        List<TemplateWeek> weeks = change.apply(new ArrayList<>(old.weeks()));
        List<Phase> phases = new ArrayList<>(content.phases());
        phases.set(
                phase,
                new Phase(old.key(), old.name(), old.goal(), old.entryCriteria(), old.exit(), old.next(), weeks));
        return new TemplateContent(phases);
    }

    private static TemplateContent withSessions(
            TemplateContent content, int phase, int week, UnaryOperator<List<TemplateSession>> change) {
        return withWeeks(content, phase, weeks -> {
            TemplateWeek old = weekAt(weeks, week);
            List<TemplateSession> sessions = change.apply(new ArrayList<>(sessionsByDay(old)));
            weeks.set(week, new TemplateWeek(old.focus(), sortedByDay(sessions)));
            return weeks;
        });
    }

    private static List<TemplateSession> sortedByDay(List<TemplateSession> sessions) {
        return sessions.stream()
                .sorted(Comparator.comparing(TemplateSession::day))
                .toList();
    }

    private static Phase withNext(Phase p, @org.jspecify.annotations.Nullable String next) {
        return new Phase(p.key(), p.name(), p.goal(), p.entryCriteria(), p.exit(), next, p.weeks());
    }

    private static Phase phaseAt(TemplateContent content, int phase) {
        if (phase < 0 || phase >= content.phases().size()) {
            throw new IllegalArgumentException("There is no phase " + (phase + 1) + ".");
        }
        return content.phases().get(phase);
    }

    private static TemplateWeek weekAt(List<TemplateWeek> weeks, int week) {
        if (week < 0 || week >= weeks.size()) {
            throw new IllegalArgumentException("The phase has no week " + (week + 1) + ".");
        }
        return weeks.get(week);
    }

    private static TemplateSession sessionAt(List<TemplateSession> sessions, int session) {
        if (session < 0 || session >= sessions.size()) {
            throw new IllegalArgumentException("The week has no session " + (session + 1) + ".");
        }
        return sessions.get(session);
    }

    private static <T> List<T> swapped(List<T> list, int a, int b) {
        List<T> copy = new ArrayList<>(list);
        if (b < 0 || b >= copy.size() || a == b) {
            return copy;
        }
        T moved = copy.get(a);
        copy.set(a, copy.get(b));
        copy.set(b, moved);
        return copy;
    }
}
