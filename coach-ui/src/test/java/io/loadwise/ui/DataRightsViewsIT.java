package io.loadwise.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.loadwise.jooq.Tables.AUDIT_LOG;
import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.CLIENT_INJURIES;
import static io.loadwise.jooq.Tables.MEMBERS;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import io.loadwise.identity.CurrentUsers;
import io.loadwise.identity.Role;
import io.loadwise.jooq.tables.records.ClientsRecord;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestTenants;
import io.loadwise.ui.UiTestData.SeededTenant;
import io.loadwise.ui.roster.ClientDetailTab;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Roster import, the coach's Data tab, the client's "My data" page and the admin's break-glass, used
 * browserless (Karibu-Testing) on the real Spring context, PostgreSQL and Keycloak (erasure removes
 * logins there).
 */
@IntegrationTest(keycloak = true)
@TestPropertySource(properties = "loadwise.roster.imports.batch-size=2")
class DataRightsViewsIT {

    static final Routes ROUTES = new Routes().autoDiscoverViews("io.loadwise.ui");

    @Autowired
    ApplicationContext context;

    @Autowired
    DSLContext db;

    @Autowired
    TransactionTemplate tx;

    SeededTenant stride;

    @Nullable
    SignedIn signedIn;

    @BeforeEach
    void aBusiness() {
        stride = UiTestData.tenant("Stride Coaching", "USD", "en-US");
        UiTestData.client(stride, "Dora Existing", "dora@example.com", io.loadwise.roster.ClientStatus.ACTIVE);
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    @AfterEach
    void tearDown() {
        if (signedIn != null) {
            signedIn.close();
        }
        MockVaadin.tearDown();
    }

    @Test
    void a_coach_uploads_a_csv_reads_the_report_confirms_and_watches_the_import_complete() {
        signedIn = SignedIn.as("Casey Coach", stride.id(), Role.COACH);
        navigate("coach/roster/import");

        upload("""
                email,name,status,tags
                ana@example.com,Ana Lima,active,masters|trail
                nope,No Email,lead,
                ben@example.com,<b>Ben</b>,,
                cleo@example.com,Cleo Park,paused,
                dora@example.com,Dora Again,lead,
                """);

        assertThat(reportRows())
                .containsExactly(
                        List.of("2", "ana@example.com", "Ana Lima", "active", "masters, trail", "OK"),
                        List.of("3", "nope", "No Email", "lead", "", "email 'nope' is not an email address"),
                        List.of("4", "ben@example.com", "<b>Ben</b>", "lead", "", "OK"),
                        List.of("5", "cleo@example.com", "Cleo Park", "paused", "", "OK"),
                        List.of("6", "dora@example.com", "Dora Again", "lead", "", "already on the roster"));
        assertThat(text("import-counts")).isEqualTo("5 rows: 3 good, 2 with errors.");
        Button confirm = _get(Button.class, spec -> spec.withId("confirm-import"));
        assertThat(confirm.getText()).isEqualTo("Import 3 good rows");
        assertThat(rosterEmails()).containsExactly("dora@example.com");

        _click(confirm);
        ProgressBar progress = _get(ProgressBar.class, spec -> spec.withId("import-progress"));
        assertThat(progress.getValue()).isZero();

        poll();
        assertThat(progress.getValue()).isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(0.001));
        assertThat(text("import-progress-text")).isEqualTo("Importing: 2 of 3 imported");
        assertThat(rosterEmails()).hasSize(3);

        poll();
        assertThat(progress.getValue()).isEqualTo(1.0);
        assertThat(text("import-progress-text")).isEqualTo("Imported 3 of 3 good rows.");
        assertThat(_get(Anchor.class, spec -> spec.withId("back-to-roster")).getHref())
                .isEqualTo("/coach/roster");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
        assertThat(rosterEmails())
                .containsExactly("ana@example.com", "ben@example.com", "cleo@example.com", "dora@example.com");
        assertThat(reportRows())
                .extracting(row -> row.get(5))
                .containsExactly(
                        "Imported",
                        "email 'nope' is not an email address",
                        "Imported",
                        "Imported",
                        "already on the roster");
    }

    @Test
    void a_file_over_the_size_limit_is_refused_inline() {
        signedIn = SignedIn.as("Casey Coach", stride.id(), Role.COACH);
        navigate("coach/roster/import");

        upload("email,name\n" + "x".repeat(2 * 1024 * 1024));

        assertThat(text("upload-error")).contains("at most 2097152 bytes (2 MiB)");
        _assertNone(Grid.class, spec -> spec.withId("import-report"));
    }

    @Test
    void the_import_view_exports_the_roster_as_csv() {
        signedIn = SignedIn.as("Olive Owner", stride.id(), Role.COACH);
        member(CurrentUsers.require().userId(), "owner", "Olive Owner");
        navigate("coach/roster/import");

        String csv = new String(
                DownloadKt._download(_get(Anchor.class, spec -> spec.withId("export-csv"))), StandardCharsets.UTF_8);

        assertThat(csv)
                .isEqualTo(
                        "\uFEFFemail,name,status,tags,goal,weekly_km\r\ndora@example.com,Dora Existing,active,,,\r\n");
    }

    @Test
    void a_coach_downloads_a_clients_data_and_erases_it_after_confirming() throws IOException {
        signedIn = SignedIn.as("Olive Owner", stride.id(), Role.COACH);
        member(CurrentUsers.require().userId(), "owner", "Olive Owner");
        UUID client = rosterClient(null, "Jess Moreno", "jess@example.com");
        ClientDetailTab tab = context.getBeansOfType(ClientDetailTab.class).values().stream()
                .filter(t -> t.label().equals("Data"))
                .findFirst()
                .orElseThrow();
        assertThat(tab.order()).isEqualTo(50);
        UI.getCurrent().add(tab.content(new ClientId(client)));

        Map<String, String> zip =
                unzip(DownloadKt._download(_get(Anchor.class, spec -> spec.withId("download-client-data"))));
        assertThat(zip).containsKeys("data.json", "messages.csv", "intake.csv");
        assertThat(zip.get("data.json"))
                .contains("Jess Moreno", "proximal hamstring tendinopathy")
                .doesNotContain("Dora");

        _click(_get(Button.class, spec -> spec.withId("erase-client")));
        ConfirmDialog dialog = _get(ConfirmDialog.class, spec -> spec.withId("confirm-erasure"));
        assertThat(ConfirmDialogKt._getText(dialog)).contains("cannot be undone");
        assertThat(clientRow(client).getDisplayName()).isEqualTo("Jess Moreno");
        ConfirmDialogKt._fireConfirm(dialog);

        assertThat(_get(UnorderedList.class, spec -> spec.withId("erasure-removed"))
                        .getElement()
                        .getTextRecursively())
                .contains("injuries: 1 removed");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("erasure-kept"))
                        .getElement()
                        .getTextRecursively())
                .contains("invoices and orders: Kept for 10 years");
        assertThat(clientRow(client).getDisplayName()).isEqualTo("Erased client");
        assertThat(read(() -> db.fetchCount(CLIENT_INJURIES, CLIENT_INJURIES.CLIENT_ID.eq(client))))
                .isZero();
    }

    @Test
    void a_client_downloads_her_data_and_erases_it_from_the_portal_after_confirming() throws IOException {
        signedIn = SignedIn.as("Jess Moreno", stride.id(), Role.CLIENT);
        UUID member = member(CurrentUsers.require().userId(), "client", "Jess Moreno");
        UUID client = rosterClient(member, "Jess Moreno", "jess.moreno@example.com");
        navigate("t/" + stride.slug() + "/me/data");

        Map<String, String> zip =
                unzip(DownloadKt._download(_get(Anchor.class, spec -> spec.withId("download-my-data"))));
        assertThat(zip.get("data.json")).contains("jess.moreno@example.com").doesNotContain("Dora");

        _click(_get(Button.class, spec -> spec.withId("erase-my-data")));
        ConfirmDialog dialog = _get(ConfirmDialog.class, spec -> spec.withId("confirm-erasure"));
        // Nothing happens before she confirms.
        assertThat(clientRow(client).getErasedAt()).isNull();
        ConfirmDialogKt._fireConfirm(dialog);

        assertThat(_get(Div.class, spec -> spec.withId("erasure-summary")).isVisible())
                .isTrue();
        assertThat(_get(Button.class, spec -> spec.withId("logout-after-erasure"))
                        .isVisible())
                .isTrue();
        ClientsRecord erased = clientRow(client);
        assertThat(erased.getErasedAt()).isNotNull();
        assertThat(erased.getEmail()).isEqualTo("erased+" + client + "@invalid.example");
        assertThat(read(() -> db.fetchCount(AUDIT_LOG, AUDIT_LOG.SUBJECT_ID.eq(client))))
                .isEqualTo(2);
    }

    @Test
    void a_platform_admin_sees_ids_and_counts_and_opens_client_data_only_with_a_reason() {
        UUID client = rosterClient(null, "Jess Moreno", "jess@example.com");
        signedIn = SignedIn.as("Pat Admin", null, Role.PLATFORM_ADMIN);
        navigate("admin/tenants/" + stride.id());

        assertThat(_get(Paragraph.class, spec -> spec.withId("status-counts")).getText())
                .isEqualTo("active: 2");
        @SuppressWarnings("unchecked")
        Grid<Object> clients = _get(Grid.class, spec -> spec.withId("tenant-clients"));
        String shown = IntStream.range(0, GridKt._size(clients))
                .mapToObj(i -> GridKt._getFormattedRow(clients, GridKt._get(clients, i))
                        .toString())
                .reduce("", String::concat);
        assertThat(shown).contains(client.toString()).doesNotContain("Jess", "Dora", "example.com");

        int row = IntStream.range(0, GridKt._size(clients))
                .filter(i -> GridKt._get(clients, i).toString().contains(client.toString()))
                .findFirst()
                .orElseThrow();
        _click((Button) GridKt._getCellComponent(clients, row, "breakGlass"));
        _click(_get(Button.class, spec -> spec.withId("break-glass-open")));
        TextArea reason = _get(TextArea.class, spec -> spec.withId("break-glass-reason"));
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).contains("at least 20 characters");
        _assertNone(TextArea.class, spec -> spec.withId("break-glass-data"));

        reason.setValue("Ticket 4711: client asked support for a copy");
        _click(_get(Button.class, spec -> spec.withId("break-glass-open")));

        TextArea data = _get(TextArea.class, spec -> spec.withId("break-glass-data"));
        assertThat(data.getValue()).contains("Jess Moreno", "proximal hamstring tendinopathy");
        @SuppressWarnings("unchecked")
        Grid<io.loadwise.privacy.AuditEntry> audit = _get(Grid.class, spec -> spec.withId("audit-log"));
        assertThat(GridKt._get(audit, 0).reason()).isEqualTo("Ticket 4711: client asked support for a copy");
        assertThat(GridKt._get(audit, 0).action()).isEqualTo("break-glass-export");
    }

    private void upload(String csv) {
        UploadKt._upload(
                _get(Upload.class, spec -> spec.withId("csv-upload")),
                "clients.csv",
                "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        MockVaadin.clientRoundtrip(false);
    }

    private static void poll() {
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
    }

    private static void navigate(String location) {
        UI.getCurrent().navigate(location);
    }

    private static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> reportRows() {
        Grid<Object> grid = _get(Grid.class, spec -> spec.withId("import-report"));
        return IntStream.range(0, GridKt._size(grid))
                .mapToObj(i -> GridKt._getFormattedRow(grid, GridKt._get(grid, i)))
                .toList();
    }

    private UUID member(UUID userId, String role, String name) {
        UUID member = UUID.randomUUID();
        TestTenants.seed(stride.id(), db -> db.insertInto(MEMBERS)
                .set(MEMBERS.TENANT_ID, stride.id().value())
                .set(MEMBERS.ID, member)
                .set(MEMBERS.USER_ID, userId)
                .set(MEMBERS.ROLE, role)
                .set(MEMBERS.EMAIL, name.toLowerCase().replace(' ', '.') + "@member.example")
                .set(MEMBERS.DISPLAY_NAME, name)
                .set(MEMBERS.CREATED_AT, OffsetDateTime.now())
                .execute());
        return member;
    }

    /** A client with an injury on record. */
    private UUID rosterClient(@Nullable UUID member, String name, String email) {
        UUID client = UUID.randomUUID();
        TestTenants.seed(stride.id(), db -> {
            db.insertInto(CLIENTS)
                    .set(CLIENTS.TENANT_ID, stride.id().value())
                    .set(CLIENTS.ID, client)
                    .set(CLIENTS.MEMBER_ID, member)
                    .set(CLIENTS.DISPLAY_NAME, name)
                    .set(CLIENTS.EMAIL, email)
                    .set(CLIENTS.STATUS, "active")
                    .set(CLIENTS.CREATED_AT, OffsetDateTime.now())
                    .set(CLIENTS.UPDATED_AT, OffsetDateTime.now())
                    .execute();
            db.insertInto(CLIENT_INJURIES)
                    .set(CLIENT_INJURIES.TENANT_ID, stride.id().value())
                    .set(CLIENT_INJURIES.ID, UUID.randomUUID())
                    .set(CLIENT_INJURIES.CLIENT_ID, client)
                    .set(CLIENT_INJURIES.CONDITION, "proximal hamstring tendinopathy")
                    .set(CLIENT_INJURIES.SIDE, "left")
                    .set(CLIENT_INJURIES.SINCE, LocalDate.of(2025, 3, 1))
                    .set(CLIENT_INJURIES.CREATED_AT, OffsetDateTime.now())
                    .execute();
        });
        return client;
    }

    private ClientsRecord clientRow(UUID client) {
        return read(() -> db.selectFrom(CLIENTS).where(CLIENTS.ID.eq(client)).fetchSingle());
    }

    private List<String> rosterEmails() {
        return read(() ->
                db.select(CLIENTS.EMAIL).from(CLIENTS).orderBy(CLIENTS.EMAIL).fetch(CLIENTS.EMAIL));
    }

    private <T> T read(java.util.function.Supplier<T> query) {
        return TenantContext.callAs(stride.id(), () -> tx.execute(s -> query.get()));
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
