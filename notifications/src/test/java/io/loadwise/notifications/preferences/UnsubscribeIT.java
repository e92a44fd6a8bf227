package io.loadwise.notifications.preferences;

import static io.loadwise.jooq.Tables.NOTIFICATION_PREFERENCES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.loadwise.notifications.NotificationType;
import io.loadwise.notifications.Notifier;
import io.loadwise.notifications.Recipient;
import io.loadwise.notifications.UnsubscribeLinks;
import io.loadwise.notifications.delivery.DeliveryTestSupport;
import io.loadwise.tenancy.Tenant;
import io.loadwise.testsupport.TestTenants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The unsubscribe link of a mail, followed without signing in, as a browser and a mail client do. */
class UnsubscribeIT extends DeliveryTestSupport {

    @Autowired
    WebApplicationContext context;

    @Autowired
    UnsubscribeLinks links;

    @Autowired
    Notifier notifier;

    MockMvc mvc;
    Tenant tenant;
    Recipient client;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        tenant = TestTenants.create("Run <b>Fast</b> & Co");
        client = person("Una Unsub", false);
    }

    @Test
    void the_link_shows_a_confirmation_page_that_changes_nothing_in_the_recipients_language() throws Exception {
        String token = links.token(tenant.id(), client.email(), NotificationType.PLAN_ADJUSTED);

        MockHttpServletResponse english = mvc.perform(get(UnsubscribeLinks.PATH).param("token", token))
                .andReturn()
                .getResponse();
        MockHttpServletResponse german = mvc.perform(get(UnsubscribeLinks.PATH)
                        .param("token", token)
                        .header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5"))
                .andReturn()
                .getResponse();

        assertThat(english.getStatus()).isEqualTo(200);
        String page = english.getContentAsString();
        assertThat(page)
                .contains("Run &lt;b&gt;Fast&lt;/b&gt; &amp; Co")
                .doesNotContain("<b>Fast</b>")
                .contains("plan changes")
                .contains("<form method=\"post\"")
                .contains("Unsubscribe");
        assertThat(german.getContentAsString()).contains("Abmelden").contains("Planänderungen");
        assertThat(switches()).isEmpty();
    }

    @Test
    void a_one_click_post_without_login_or_csrf_token_unsubscribes_and_later_mail_of_that_type_is_suppressed()
            throws Exception {
        String token = links.token(tenant.id(), client.email(), NotificationType.PLAN_ADJUSTED);

        MockHttpServletResponse done = mvc.perform(post(UnsubscribeLinks.PATH)
                        .param("token", token)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .andReturn()
                .getResponse();

        assertThat(done.getStatus()).as(done.getContentAsString()).isEqualTo(200);
        assertThat(done.getContentAsString()).contains("Done");
        assertThat(switches()).singleElement().satisfies(r -> {
            assertThat(r.get(NOTIFICATION_PREFERENCES.TYPE)).isEqualTo("plan-adjusted");
            assertThat(r.get(NOTIFICATION_PREFERENCES.CHANNEL)).isEqualTo("email");
            assertThat(r.get(NOTIFICATION_PREFERENCES.ENABLED)).isFalse();
        });

        notifier.notify(request(
                tenant.id(), NotificationType.PLAN_ADJUSTED, client, Map.of("planName", "10k", "reason", "rest")));
        assertThat(emailRow(tenant.id(), client.email()).getStatus()).isEqualTo("suppressed");
    }

    @Test
    void a_tampered_link_is_refused() throws Exception {
        String token = links.token(tenant.id(), client.email(), NotificationType.PLAN_ADJUSTED);
        // Another address with the original signature
        String otherPayload = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((tenant.id().value() + "\nvictim@example.test\nplan-adjusted")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String tampered = otherPayload + token.substring(token.indexOf('.'));

        MockHttpServletResponse get = mvc.perform(get(UnsubscribeLinks.PATH).param("token", tampered))
                .andReturn()
                .getResponse();
        MockHttpServletResponse post = mvc.perform(post(UnsubscribeLinks.PATH)
                        .param("token", tampered)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .andReturn()
                .getResponse();
        MockHttpServletResponse none =
                mvc.perform(post(UnsubscribeLinks.PATH)).andReturn().getResponse();

        assertThat(get.getStatus()).isEqualTo(403);
        assertThat(get.getContentAsString()).contains("not valid");
        assertThat(post.getStatus()).isEqualTo(403);
        assertThat(none.getStatus()).isEqualTo(403);
        assertThat(switches()).isEmpty();
    }

    private List<Record> switches() {
        List<Record> rows = new ArrayList<>();
        sql(
                tenant.id(),
                db -> rows.addAll(db.select(
                                NOTIFICATION_PREFERENCES.TYPE,
                                NOTIFICATION_PREFERENCES.CHANNEL,
                                NOTIFICATION_PREFERENCES.ENABLED)
                        .from(NOTIFICATION_PREFERENCES)
                        .fetch()));
        return rows;
    }
}
