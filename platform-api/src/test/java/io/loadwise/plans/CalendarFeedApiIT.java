package io.loadwise.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.messaging.PeopleOfABusiness;
import io.loadwise.plans.templates.internal.TemplateRepository;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.KeycloakTestData;
import io.loadwise.testsupport.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** A client subscribes to her plan in a calendar app: fetched without login, gone after revoking. */
@IntegrationTest(keycloak = true, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarFeedApiIT {

    @LocalServerPort
    int port;

    @Autowired
    TemplateRepository templates;

    @Autowired
    PlatformTransactionManager transactionManager;

    KeycloakTestData keycloakData;
    Http api;

    @BeforeAll
    void setUp() {
        keycloakData = KeycloakTestData.of(TestInfrastructure.keycloak());
        api = new Http(port);
    }

    @AfterAll
    void close() {
        keycloakData.close();
    }

    @Test
    void the_feed_lists_the_plan_shows_changes_and_stops_working_when_rotated_or_revoked() {
        var b = PeopleOfABusiness.create(TestInfrastructure.keycloak(), keycloakData, "ical");
        UUID template = TemplateRows.insert(
                        b.tenant,
                        templates,
                        new TransactionTemplate(transactionManager),
                        "Hamstring, calendar",
                        TemplateCondition.HAMSTRING)
                .value();
        String lead = b.token(b.lead);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode plan = api.json(api.send(
                lead,
                "POST",
                "/api/v1/clients/" + b.annClient + "/plan",
                Map.of("templateId", template, "startDate", today.toString()),
                Map.of()));
        String cancelled =
                plan.get("weeks").get(0).get("sessions").get(0).get("id").asString();
        assertThat(api.send(
                                lead,
                                "DELETE",
                                "/api/v1/clients/" + b.annClient + "/plan/sessions/" + cancelled
                                        + "?reason=Rest%2C%20hamstring%20sore%3B%20see%20you%20Friday",
                                null,
                                Map.of("If-Match", "\"1\""))
                        .statusCode())
                .isEqualTo(200);

        String ann = b.token(b.ann);
        HttpResponse<String> created = api.send(ann, "POST", "/api/v1/me/calendar-feed", null, Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String url = api.json(created).get("url").asString();
        String path = URI.create(url).getPath();
        assertThat(path).startsWith("/calendar/" + b.tenant + "/").endsWith(".ics");

        HttpResponse<String> feed = api.get(null, path);
        assertThat(feed.statusCode()).as(feed.body()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        assertThat(feed.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("X-WR-CALNAME:Hamstring\\, calendar");
        List<Map<String, String>> events = events(feed.body());
        assertThat(events).hasSize(28);
        Map<String, String> first = events.stream()
                .filter(e -> e.get("UID").equals(cancelled + "@loadwise"))
                .findFirst()
                .orElseThrow();
        assertThat(first.get("STATUS")).isEqualTo("CANCELLED");
        assertThat(first.get("SEQUENCE")).isEqualTo("2");
        assertThat(first.get("DTSTART;VALUE=DATE")).isEqualTo(today.toString().replace("-", ""));
        assertThat(first.get("DESCRIPTION")).contains("Changed: Rest\\, hamstring sore\\; see you Friday");
        assertThat(events.stream().filter(e -> e.get("STATUS").equals("CONFIRMED")))
                .hasSize(27);

        assertThat(api.get(null, path.replace(".ics", "x.ics")).statusCode())
                .as("a wrong secret")
                .isEqualTo(404);
        assertThat(api.get(b.token(b.bea), "/api/v1/me/calendar-feed").statusCode())
                .isEqualTo(404);

        HttpResponse<String> rotated = api.send(ann, "POST", "/api/v1/me/calendar-feed", null, Map.of());
        String newPath = URI.create(api.json(rotated).get("url").asString()).getPath();
        assertThat(api.get(null, path).statusCode())
                .as("the old URL after rotating")
                .isEqualTo(404);
        assertThat(api.get(null, newPath).statusCode()).isEqualTo(200);
        assertThat(api.json(api.get(ann, "/api/v1/me/calendar-feed"))
                        .get("lastReadAt")
                        .isNull())
                .isFalse();

        assertThat(api.send(ann, "DELETE", "/api/v1/me/calendar-feed", null, Map.of())
                        .statusCode())
                .isEqualTo(204);
        assertThat(api.get(null, newPath).statusCode()).as("after revoking").isEqualTo(404);

        assertThat(api.send(
                                b.token(b.otherCoach),
                                "POST",
                                "/api/v1/clients/" + b.annClient + "/calendar-feed",
                                null,
                                Map.of())
                        .statusCode())
                .as("a coach who is not Ann's")
                .isEqualTo(404);
        HttpResponse<String> byCoach =
                api.send(lead, "POST", "/api/v1/clients/" + b.annClient + "/calendar-feed", null, Map.of());
        assertThat(byCoach.statusCode()).isEqualTo(201);
        assertThat(api.get(
                                null,
                                URI.create(api.json(byCoach).get("url").asString())
                                        .getPath())
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.get(null, "/calendar/not-a-tenant/x/y.ics").statusCode()).isEqualTo(404);
    }

    /** The VEVENTs of an iCalendar text, each as its properties (unfolded; a name with its parameters). */
    static List<Map<String, String>> events(String ics) {
        List<Map<String, String>> events = new ArrayList<>();
        Map<String, String> current = null;
        for (String line : ics.replace("\r\n ", "").split("\r\n")) {
            if (line.equals("BEGIN:VEVENT")) {
                current = new LinkedHashMap<>();
            } else if (line.equals("END:VEVENT")) {
                events.add(current);
                current = null;
            } else if (current != null) {
                int colon = line.indexOf(':');
                current.put(line.substring(0, colon), line.substring(colon + 1));
            }
        }
        return events;
    }
}
