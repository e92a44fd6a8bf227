package io.loadwise.notifications.preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import io.loadwise.identity.KeycloakClaims;
import io.loadwise.identity.Role;
import io.loadwise.notifications.delivery.DeliveryTestSupport;
import io.loadwise.tenancy.Tenant;
import io.loadwise.testsupport.TestTenants;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The preferences API and the admin delivery log API as their clients see them, errors as problem details. */
class PreferencesApiIT extends DeliveryTestSupport {

    static final String PATH = "/api/v1/me/notification-preferences";

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;
    final JsonMapper json = JsonMapper.builder().build();
    Tenant tenant;
    UUID clientUser = UUID.randomUUID();
    UUID coachUser = UUID.randomUUID();
    String clientEmail;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        tenant = TestTenants.create("Prefs Coaching");
        clientEmail = "client-" + clientUser + "@example.test";
        member(tenant.id(), clientUser, "client", clientEmail);
        member(tenant.id(), coachUser, "coach", "coach-" + coachUser + "@example.test");
    }

    @Test
    void a_client_sees_their_types_with_receipts_locked_on_and_the_business_defaults() throws Exception {
        MockHttpServletResponse response = mvc.perform(get(PATH).with(as(clientUser, Role.CLIENT)))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        JsonNode body = json.readTree(response.getContentAsString());
        assertThat(body.get("settings").get("locale").asString()).isEqualTo("en");
        assertThat(body.get("settings").get("timeZone").asString()).isEqualTo("UTC");
        assertThat(body.get("settings").get("dailyDigest").asBoolean()).isFalse();
        JsonNode receipt = preference(body, "receipt", "email");
        assertThat(receipt.get("locked").asBoolean()).isTrue();
        assertThat(receipt.get("enabled").asBoolean()).isTrue();
        assertThat(preference(body, "plan-adjusted", "in_app").get("locked").asBoolean())
                .isFalse();
        assertThat(body.get("preferences").valueStream().map(p -> p.get("type").asString()))
                .doesNotContain("pain-spike", "daily-digest");
    }

    @Test
    void switches_and_settings_are_saved() throws Exception {
        Map<String, Object> update = Map.of(
                "settings",
                Map.of("locale", "de", "timeZone", "Europe/Berlin", "quietStart", "22:00", "quietEnd", "07:00"),
                "preferences",
                List.of(Map.of("type", "plan-adjusted", "channel", "email", "enabled", false)));

        MockHttpServletResponse saved = send(put(PATH), as(clientUser, Role.CLIENT), update);

        assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(200);
        JsonNode body = json.readTree(mvc.perform(get(PATH).with(as(clientUser, Role.CLIENT)))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(body.get("settings").get("locale").asString()).isEqualTo("de");
        assertThat(body.get("settings").get("timeZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(body.get("settings").get("quietStart").asString()).isEqualTo("22:00");
        assertThat(preference(body, "plan-adjusted", "email").get("enabled").asBoolean())
                .isFalse();
        assertThat(preference(body, "plan-adjusted", "in_app").get("enabled").asBoolean())
                .isTrue();
    }

    @Test
    void invalid_changes_are_refused_with_a_problem_that_says_why_and_change_nothing() throws Exception {
        assertProblem(
                Map.of("preferences", List.of(Map.of("type", "receipt", "channel", "email", "enabled", false))),
                "transactional");
        assertProblem(Map.of("settings", Map.of("locale", "fr")), "English (en) or German (de)");
        assertProblem(Map.of("settings", Map.of("timeZone", "Mars/Olympus_Mons")), "not a time zone");
        assertProblem(Map.of("settings", Map.of("quietStart", "22:00")), "both a start and an end");
        assertProblem(Map.of("settings", Map.of("dailyDigest", true)), "for coaches");
        assertProblem(
                Map.of("preferences", List.of(Map.of("type", "telepathy", "channel", "email", "enabled", false))),
                "Unknown notification type");

        JsonNode body = json.readTree(mvc.perform(get(PATH).with(as(clientUser, Role.CLIENT)))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(body.get("settings").get("locale").asString()).isEqualTo("en");
    }

    @Test
    void a_put_whose_last_switch_is_refused_leaves_settings_and_earlier_switches_as_they_were() throws Exception {
        // Only the member's role tells that a pain-spike alert is not a client's: the refusal comes
        // after the settings and the first switch were written, inside the one transaction.
        Map<String, Object> update = Map.of(
                "settings",
                Map.of("locale", "de", "timeZone", "Europe/Berlin"),
                "preferences",
                List.of(
                        Map.of("type", "plan-adjusted", "channel", "email", "enabled", false),
                        Map.of("type", "pain-spike", "channel", "email", "enabled", false)));

        assertProblem(update, "pain-spike is not sent to clients");

        JsonNode body = json.readTree(mvc.perform(get(PATH).with(as(clientUser, Role.CLIENT)))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(body.get("settings").get("locale").asString()).isEqualTo("en");
        assertThat(body.get("settings").get("timeZone").asString()).isEqualTo("UTC");
        assertThat(preference(body, "plan-adjusted", "email").get("enabled").asBoolean())
                .isTrue();
    }

    @Test
    void a_coach_may_choose_the_daily_digest() throws Exception {
        MockHttpServletResponse saved = send(
                put(PATH),
                as(coachUser, Role.COACH),
                Map.of("settings", Map.of("dailyDigest", true, "digestAt", "06:30")));

        assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(200);
        JsonNode settings = json.readTree(saved.getContentAsString()).get("settings");
        assertThat(settings.get("dailyDigest").asBoolean()).isTrue();
        assertThat(settings.get("digestAt").asString()).isEqualTo("06:30");
    }

    @Test
    void the_delivery_log_is_for_platform_admins_and_answers_in_problem_details() throws Exception {
        String base = "/api/v1/admin/notifications";
        MockHttpServletResponse coach = mvc.perform(get(base + "/dead-letters").with(as(coachUser, Role.COACH)))
                .andReturn()
                .getResponse();
        assertThat(coach.getStatus()).isEqualTo(403);
        assertThat(coach.getContentType()).isEqualTo("application/problem+json");

        RequestPostProcessor admin = as(UUID.randomUUID(), Role.PLATFORM_ADMIN);
        MockHttpServletResponse counts = mvc.perform(
                        get(base + "/businesses/" + tenant.id() + "/counts").with(admin))
                .andReturn()
                .getResponse();
        assertThat(counts.getStatus()).as(counts.getContentAsString()).isEqualTo(200);
        assertThat(json.readTree(counts.getContentAsString()).get("sent").asLong())
                .isZero();

        MockHttpServletResponse badStatus = mvc.perform(get(base + "/businesses/" + tenant.id() + "/emails?status=lost")
                        .with(admin))
                .andReturn()
                .getResponse();
        assertThat(badStatus.getStatus()).isEqualTo(400);
        assertThat(json.readTree(badStatus.getContentAsString()).get("detail").asString())
                .contains("Unknown status 'lost'");

        MockHttpServletResponse unknown = send(
                post(base + "/businesses/" + tenant.id() + "/emails/" + UUID.randomUUID() + "/replay"),
                admin,
                Map.of("reason", "customer asked"));
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContentType()).isEqualTo("application/problem+json");

        MockHttpServletResponse noReason = send(
                post(base + "/businesses/" + tenant.id() + "/emails/" + UUID.randomUUID() + "/replay"),
                admin,
                Map.of());
        assertThat(noReason.getStatus()).isEqualTo(400);
        assertThat(json.readTree(noReason.getContentAsString()).get("detail").asString())
                .contains("audit log");
    }

    private void assertProblem(Map<String, Object> update, String detail) throws Exception {
        MockHttpServletResponse refused = send(put(PATH), as(clientUser, Role.CLIENT), update);
        assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(400);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(refused.getContentAsString());
        assertThat(problem.get("type").asString())
                .isEqualTo("https://loadwise.io/problems/invalid-notification-preferences");
        assertThat(problem.get("detail").asString()).contains(detail);
    }

    private static JsonNode preference(JsonNode body, String type, String channel) {
        return body.get("preferences")
                .valueStream()
                .filter(p -> p.get("type").asString().equals(type)
                        && p.get("channel").asString().equals(channel))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no preference " + type + "/" + channel));
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, RequestPostProcessor who, Object body)
            throws Exception {
        return mvc.perform(request.with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andReturn()
                .getResponse();
    }

    private RequestPostProcessor as(UUID user, Role role) {
        return member(
                user, role, role == Role.PLATFORM_ADMIN ? null : tenant.id().toString());
    }

    private static RequestPostProcessor member(UUID user, Role role, @Nullable String tenant) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", user.toString());
        claims.put("roles", List.of(role.realmRole()));
        if (tenant != null) {
            claims.put(KeycloakClaims.TENANT_CLAIM, Map.of("business", Map.of("id", tenant)));
        }
        return jwt().jwt(j -> j.claims(c -> c.putAll(claims))).authorities(KeycloakClaims.authorities(claims));
    }
}
