package io.loadwise.ui.messaging;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.dom.Element;
import io.loadwise.messaging.MessagingService;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.ui.portal.PortalHomeView;
import io.loadwise.ui.roster.ClientDetailTab;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A client and her coach write to each other in the UI, browserless (Karibu-Testing) on the real
 * Spring context and PostgreSQL: the portal's messages page, the coach's Messages tab and the
 * portal home's unread count.
 */
@IntegrationTest
class MessagingViewsIT {

    static final Routes ROUTES = new Routes().autoDiscoverViews("io.loadwise.ui");

    @Autowired
    ApplicationContext context;

    @Autowired
    MessagingService messaging;

    @Autowired
    List<ClientDetailTab> tabs;

    Team team;
    AutoCloseable signedIn;

    @BeforeEach
    void setUp() {
        team = Team.of("Stride Coaching");
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    @AfterEach
    void tearDown() throws Exception {
        signOut();
        MockVaadin.tearDown();
    }

    @Test
    void a_client_writes_from_her_portal_and_her_coach_reads_and_answers_in_the_messages_tab() throws Exception {
        signIn(team.ann);
        navigate("t/" + team.tenant.slug() + "/me/messages");
        String written = "<b>Sore</b> hamstring <script>alert(1)</script>\nafter the long run";
        _get(TextArea.class, spec -> spec.withId("compose")).setValue(written);
        _click(_get(Button.class, spec -> spec.withId("send")));

        Paragraph shown = bodies().getFirst();
        assertThat(shown.getText()).isEqualTo(written);
        assertThat(shown.getElement().getChildren()).as("text, not markup").allMatch(Element::isTextNode);
        assertThat(shown.getStyle().get("white-space")).isEqualTo("pre-wrap");
        assertThat(_get(TextArea.class, spec -> spec.withId("compose")).getValue())
                .isEmpty();

        // The coach in her own browser: a new UI, whose layout counts her unread messages.
        signOut();
        MockVaadin.tearDown();
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
        signIn(team.lead);
        assertThat(messaging.unread().total()).isEqualTo(1);
        navigate("coach/roster");
        assertThat(_get(Span.class, spec -> spec.withId("unread-badge")).getText())
                .isEqualTo("1 unread");
        assertThat(_get(Span.class, spec -> spec.withId("unread-badge")).getTitle())
                .contains("Ann Runner (1)");
        var thread = tab("Messages").content(team.annClient);
        UI.getCurrent().add(thread);
        assertThat(bodies()).extracting(Paragraph::getText).containsExactly(written);
        assertThat(messaging.unread().total())
                .as("opening the tab reads the thread")
                .isZero();
        _get(TextArea.class, spec -> spec.withId("compose")).setValue("Easy week then.\nNo speed.");
        _click(_get(Button.class, spec -> spec.withId("send")));
        assertThat(bodies()).extracting(Paragraph::getText).containsExactly(written, "Easy week then.\nNo speed.");
        UI.getCurrent().remove(thread);

        signIn(team.ann);
        navigate("t/" + team.tenant.slug() + "/me");
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst())
                .isInstanceOf(PortalHomeView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("unread-messages")).getText())
                .isEqualTo("1 unread message.");
        assertThat(_find(ListItem.class)).extracting(ListItem::getText).contains("Leo Lead — your coach");

        navigate("t/" + team.tenant.slug() + "/me/messages");
        assertThat(bodies()).extracting(Paragraph::getText).containsExactly(written, "Easy week then.\nNo speed.");
        navigate("t/" + team.tenant.slug() + "/me");
        assertThat(_get(Paragraph.class, spec -> spec.withId("unread-messages")).getText())
                .isEqualTo("No unread messages.");
    }

    @Test
    void an_empty_message_is_not_sent_and_the_compose_box_says_why() throws Exception {
        signIn(team.ann);
        navigate("t/" + team.tenant.slug() + "/me/messages");

        _get(TextArea.class, spec -> spec.withId("compose")).setValue("  \n  ");
        _click(_get(Button.class, spec -> spec.withId("send")));

        TextArea compose = _get(TextArea.class, spec -> spec.withId("compose"));
        assertThat(compose.isInvalid()).isTrue();
        assertThat(compose.getErrorMessage()).isEqualTo("A message needs some text.");
        assertThat(bodies()).isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withId("no-messages")).isVisible())
                .isTrue();
    }

    @Test
    void a_client_cannot_open_another_businesss_portal() throws Exception {
        Team other = Team.of("Harbour Endurance");
        signIn(team.ann);

        navigate("t/" + other.tenant.slug() + "/me/messages");

        assertThat(_find(TextArea.class, spec -> spec.withId("compose"))).isEmpty();
    }

    private ClientDetailTab tab(String label) {
        return tabs.stream().filter(t -> t.label().equals(label)).findFirst().orElseThrow();
    }

    private static List<Paragraph> bodies() {
        return _find(Paragraph.class, spec -> spec.withClasses("message-body"));
    }

    private void signIn(Team.Person person) throws Exception {
        signOut();
        signedIn = team.signIn(person);
    }

    private void signOut() throws Exception {
        if (signedIn != null) {
            signedIn.close();
            signedIn = null;
        }
    }

    private static void navigate(String location) {
        UI.getCurrent().navigate(location);
    }
}
