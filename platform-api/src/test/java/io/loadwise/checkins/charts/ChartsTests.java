package io.loadwise.checkins.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.checkins.CheckIn;
import io.loadwise.checkins.LoggedLoad;
import io.loadwise.checkins.SessionLog;
import io.loadwise.checkins.SessionOutcome;
import io.loadwise.plans.Intensity;
import io.loadwise.plans.PlanId;
import io.loadwise.plans.PlanSession;
import io.loadwise.plans.PlanSessionId;
import io.loadwise.plans.RunSession;
import io.loadwise.plans.RunType;
import io.loadwise.plans.SessionSpec;
import io.loadwise.plans.SessionStatus;
import io.loadwise.plans.StrengthSession;
import io.loadwise.roster.ClientId;
import io.loadwise.shared.Svg;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartsTests {

    static final ClientId CLIENT = new ClientId(UUID.randomUUID());
    static final PlanId PLAN = new PlanId(UUID.randomUUID());
    static final LocalDate FROM = LocalDate.of(2026, 10, 5);
    static final LocalDate TO = LocalDate.of(2026, 11, 29);

    @Test
    void the_pain_chart_is_valid_svg_with_title_description_viewbox_and_the_three_zones() throws Exception {
        String svg = PainChart.render(
                FROM, TO, List.of(checkIn(FROM.plusDays(1), 2, 3, 4), checkIn(FROM.plusDays(8), 6, 4, null)), 3);

        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("svg");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 800 380");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(text(doc, "title")).startsWith("Pain over time, 5 Oct 2026 to 29 Nov 2026");
        assertThat(text(doc, "desc"))
                .contains("0 to 2 safe, 3 to 5 acceptable, above 5 too much")
                .contains("Pain during activity: 2 days, highest 6, latest 6 on 13 Oct 2026")
                .contains("Baseline next-morning pain: 3.");
        assertThat(byId(doc, "zone-safe")).isNotNull();
        assertThat(byId(doc, "zone-acceptable")).isNotNull();
        assertThat(byId(doc, "zone-too-much")).isNotNull();
        // 0-2 at the bottom: the safe zone's top edge is lower on the page (larger y) than the others'.
        assertThat(y(byId(doc, "zone-safe"))).isGreaterThan(y(byId(doc, "zone-acceptable")));
        assertThat(y(byId(doc, "zone-acceptable"))).isGreaterThan(y(byId(doc, "zone-too-much")));
        assertThat(byId(doc, "baseline").getTextContent()).isEqualTo("your baseline 3/10");
        assertThat(byId(doc, "empty-state")).isNull();
        assertThat(doc.getElementsByTagName("polyline").getLength())
                .as("a line for pain during and for morning pain; stiffness has one point only")
                .isEqualTo(2);
        assertThat(titles(doc))
                .contains("Next-morning stiffness on 6 Oct 2026: 4/10", "Pain during activity on 13 Oct 2026: 6/10");
        assertThat(texts(doc)).contains("5 Oct 2026", "12 Oct", "safe (0-2)", "acceptable (3-5)", "too much (6-10)");
    }

    @Test
    void a_day_with_two_check_ins_shows_its_highest_score() throws Exception {
        String svg =
                PainChart.render(FROM, TO, List.of(checkIn(FROM, 2, null, null), checkIn(FROM, 5, null, null)), null);

        assertThat(titles(parse(svg))).contains("Pain during activity on 5 Oct 2026: 5/10");
        assertThat(titles(parse(svg))).doesNotContain("Pain during activity on 5 Oct 2026: 2/10");
    }

    @Test
    void without_check_ins_the_pain_chart_says_so_and_draws_no_lines() throws Exception {
        Document doc = parse(PainChart.render(FROM, TO, List.of(checkIn(FROM, null, null, null)), 2));

        assertThat(byId(doc, "empty-state").getTextContent()).isEqualTo("No check-ins yet");
        assertThat(doc.getElementsByTagName("polyline").getLength()).isZero();
        assertThat(doc.getElementsByTagName("circle").getLength()).isZero();
        assertThat(text(doc, "desc")).contains("No check-ins yet.");
        assertThat(byId(doc, "zone-safe"))
                .as("the zones still explain the scale")
                .isNotNull();
    }

    @Test
    void text_is_escaped_so_it_never_becomes_markup() throws Exception {
        Svg svg = new Svg(100, 100, "Ann's <script>alert(1)</script> & \"co\"", "a\u0001b");
        svg.text(1, 1, "</text><script>x</script>", "middle", "");
        Document doc = parse(svg.finish());

        assertThat(text(doc, "title")).isEqualTo("Ann's <script>alert(1)</script> & \"co\"");
        assertThat(text(doc, "desc"))
                .as("control characters XML cannot hold are dropped")
                .isEqualTo("ab");
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(texts(doc)).contains("</text><script>x</script>");
    }

    @Test
    void weeks_count_planned_and_completed_sessions_running_and_session_rpe_load() {
        PlanSession run = session(LocalDate.of(2026, 11, 2), run(), SessionStatus.DONE);
        PlanSession strength = session(LocalDate.of(2026, 11, 4), strength(), SessionStatus.PARTIAL);
        PlanSession skipped = session(LocalDate.of(2026, 11, 6), run(), SessionStatus.SKIPPED);
        PlanSession cancelled = session(LocalDate.of(2026, 11, 7), run(), SessionStatus.CANCELLED);
        PlanSession nextWeek = session(LocalDate.of(2026, 11, 10), run(), SessionStatus.PLANNED);
        List<SessionLog> logs = List.of(
                log(run, SessionOutcome.DONE, 40, "6.5", 4),
                log(strength, SessionOutcome.PARTIAL, 30, null, 6),
                log(skipped, SessionOutcome.SKIPPED, 0, null, null));

        List<WeekLoad> weeks = LoadChart.weeks(
                LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 14),
                List.of(run, strength, skipped, cancelled, nextWeek),
                logs);

        assertThat(weeks)
                .extracting(WeekLoad::weekStart)
                .containsExactly(LocalDate.of(2026, 10, 26), LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 9));
        WeekLoad week = weeks.get(1);
        assertThat(week.planned())
                .as("cancelled sessions are not planned any more")
                .isEqualTo(3);
        assertThat(week.completed()).isEqualTo(2);
        assertThat(week.completionPercent()).isEqualTo(67);
        assertThat(week.runMinutes()).as("strength minutes are not running").isEqualTo(40);
        assertThat(week.runKm()).isEqualByComparingTo("6.5");
        assertThat(week.sessionRpeLoad()).isEqualTo(4 * 40 + 6 * 30);
        assertThat(weeks.get(2).completionPercent()).isZero();
        assertThat(weeks.get(0).completionPercent()).isNull();
    }

    @Test
    void the_load_chart_draws_bars_and_labels_per_week() throws Exception {
        List<WeekLoad> weeks = List.of(
                new WeekLoad(LocalDate.of(2026, 11, 2), 4, 3, 75, new BigDecimal("11.25"), 520),
                new WeekLoad(LocalDate.of(2026, 11, 9), 4, 1, 20, new BigDecimal("3"), 100));

        Document doc = parse(LoadChart.render(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 15), weeks));

        assertThat(doc.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 800 500");
        assertThat(text(doc, "title")).isEqualTo("Training load per week, 2 Nov 2026 to 15 Nov 2026");
        assertThat(text(doc, "desc"))
                .contains("week of 2 Nov 2026: 3 of 4 sessions completed, 75 minutes and 11.25 km");
        assertThat(texts(doc)).contains("75 %", "25 %", "11.3 km", "3.0 km", "520", "2 Nov 2026", "9 Nov");
        assertThat(titles(doc))
                .contains(
                        "Week of 2 Nov 2026: 4 planned",
                        "Week of 2 Nov 2026: 3 completed",
                        "Week of 9 Nov 2026: session-RPE load 100");
        assertThat(byId(doc, "empty-state")).isNull();
    }

    @Test
    void without_sessions_the_load_chart_says_so() throws Exception {
        Document doc = parse(LoadChart.render(FROM, TO, LoadChart.weeks(FROM, TO, List.of(), List.of())));

        assertThat(byId(doc, "empty-state").getTextContent()).isEqualTo("No sessions yet");
        assertThat(titles(doc)).isEmpty();
    }

    static CheckIn checkIn(
            LocalDate date, @Nullable Integer during, @Nullable Integer morning, @Nullable Integer stiffness) {
        return new CheckIn(
                UUID.randomUUID(),
                CLIENT,
                PLAN,
                null,
                date,
                during,
                morning,
                stiffness,
                null,
                null,
                "",
                Instant.parse("2026-11-01T08:00:00Z"));
    }

    static SessionSpec run() {
        return new RunSession("Easy run", RunType.EASY, 40, null, Intensity.rpe("3-4"), null, "");
    }

    static SessionSpec strength() {
        return new StrengthSession("Isometrics", List.of(), "");
    }

    static PlanSession session(LocalDate date, SessionSpec spec, SessionStatus status) {
        return new PlanSession(new PlanSessionId(UUID.randomUUID()), PLAN, date, 0, "iso", 1, spec, status, null, null);
    }

    static SessionLog log(
            PlanSession s, SessionOutcome outcome, int minutes, @Nullable String km, @Nullable Integer rpe) {
        return new SessionLog(
                UUID.randomUUID(),
                CLIENT,
                PLAN,
                s.id(),
                s.date(),
                outcome,
                minutes,
                km == null ? null : new BigDecimal(km),
                rpe,
                List.<LoggedLoad>of(),
                "",
                Instant.now(),
                0);
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static String text(Document doc, String tag) {
        return doc.getDocumentElement().getElementsByTagName(tag).item(0).getTextContent();
    }

    static @Nullable Element byId(Document doc, String id) {
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        return null;
    }

    static double y(@Nullable Element e) {
        return Double.parseDouble(e.getAttribute("y"));
    }

    /** The tooltips: titles inside marks, not the chart's own title. */
    static List<String> titles(Document doc) {
        List<String> titles = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagName("title");
        for (int i = 0; i < nodes.getLength(); i++) {
            if (!((Element) nodes.item(i).getParentNode()).getTagName().equals("svg")) {
                titles.add(nodes.item(i).getTextContent());
            }
        }
        return titles;
    }

    static List<String> texts(Document doc) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
