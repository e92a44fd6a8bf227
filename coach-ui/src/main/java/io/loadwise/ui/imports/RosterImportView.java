package io.loadwise.ui.imports;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import io.loadwise.roster.imports.ImportNotPendingException;
import io.loadwise.roster.imports.ImportRow;
import io.loadwise.roster.imports.ImportStatus;
import io.loadwise.roster.imports.ImportTooLargeException;
import io.loadwise.roster.imports.RosterImport;
import io.loadwise.roster.imports.RosterImports;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import io.loadwise.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Imports clients from a CSV file: upload, read the report of every row, import the good ones with
 * a progress bar, then back to the roster. Also the place to export the roster as CSV.
 *
 * <p>The import runs a batch per UI poll, so the bar shows the rows actually imported so far and
 * no background thread outlives the page.
 */
@Route(value = "coach/roster/import", layout = MainLayout.class)
@PageTitle("Import clients · Loadwise")
@RolesAllowed("COACH")
public class RosterImportView extends Main {

    static final int POLL_MILLIS = 300;

    private final RosterImports imports;
    private final @Nullable TenantId tenant;
    private final SecurityContext security;

    private final Span uploadError = new Span();
    private final Span counts = new Span();
    private final Grid<ImportRow> report = new Grid<>(ImportRow.class, false);
    private final Button confirm = new Button();
    private final Button discard = new Button("Discard");
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Span progressText = new Span();
    private final Anchor backToRoster = new Anchor("/coach/roster", "Back to the roster");
    private @Nullable RosterImport current;
    private @Nullable Registration polling;

    public RosterImportView(RosterImports imports) {
        this.imports = imports;
        this.tenant = TenantContext.current().orElse(null);
        // Upload and download handlers may run outside the request that built the view: they run
        // as the person who opened it, in their business.
        this.security = SecurityContextHolder.getContext();

        add(new H2("Import clients"));
        add(new Paragraph("Upload a CSV file (UTF-8, comma or semicolon separated, at most "
                + imports.limits().maxBytes() / (1024 * 1024) + " MiB and "
                + imports.limits().maxRows()
                + " rows). The first row names the columns: email, name, status (lead, active, paused,"
                + " alumni), tags (separated by |), goal, weekly_km. Nothing is imported until you confirm."));

        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> validate(bytes)));
        upload.setId("csv-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(imports.limits().maxBytes());
        upload.setAcceptedFileTypes("text/csv", ".csv");
        upload.addFileRejectedListener(rejected -> showUploadError("The file was not accepted: "
                + rejected.getErrorMessage() + ". Files may be at most "
                + imports.limits().maxBytes() / (1024 * 1024) + " MiB."));
        uploadError.setId("upload-error");
        uploadError.getStyle().set("color", "var(--lumo-error-text-color)");
        uploadError.setVisible(false);

        Anchor export = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] csv = asViewer(this::exportCsv);
                    return new DownloadResponse(
                            new ByteArrayInputStream(csv), "roster.csv", "text/csv;charset=UTF-8", csv.length);
                }),
                "Export CSV");
        export.setId("export-csv");

        counts.setId("import-counts");
        report.setId("import-report");
        report.addColumn(ImportRow::row).setHeader("Row").setKey("row").setAutoWidth(true);
        report.addColumn(ImportRow::email).setHeader("Email").setKey("email");
        // A text column: names are shown as typed, markup included, never rendered as HTML.
        report.addColumn(ImportRow::name).setHeader("Name").setKey("name");
        report.addColumn(ImportRow::status).setHeader("Status").setKey("status");
        report.addColumn(row -> String.join(", ", row.tags())).setHeader("Tags").setKey("tags");
        report.addColumn(RosterImportView::result).setHeader("Result").setKey("result");
        report.setAllRowsVisible(true);
        report.setVisible(false);

        confirm.setId("confirm-import");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(click -> startImport());
        discard.setId("discard-import");
        discard.addClickListener(click -> discardImport());
        progress.setId("import-progress");
        progressText.setId("import-progress-text");
        backToRoster.setId("back-to-roster");
        HorizontalLayout actions = new HorizontalLayout(confirm, discard);
        actions.setVisible(false);
        confirm.setVisible(false);
        discard.setVisible(false);
        progress.setVisible(false);
        backToRoster.setVisible(false);

        add(upload, uploadError, counts, actions, progress, progressText, backToRoster, report, export);
    }

    private void validate(byte[] bytes) {
        uploadError.setVisible(false);
        try {
            show(asViewer(() -> imports.validate(bytes)));
        } catch (ImportTooLargeException | IllegalArgumentException e) {
            showUploadError(e.getMessage());
        }
    }

    private void show(RosterImport shown) {
        current = shown;
        report.setItems(shown.rows());
        report.setVisible(true);
        counts.setText(
                shown.totalRows() + " rows: " + shown.validRows() + " good, " + shown.invalidRows() + " with errors.");
        confirm.setText("Import " + shown.validRows() + " good rows");
        boolean pending = shown.status() == ImportStatus.VALIDATED;
        confirm.setEnabled(pending && shown.validRows() > 0);
        confirm.setVisible(pending);
        discard.setVisible(pending);
        confirm.getParent().ifPresent(parent -> parent.setVisible(pending));
        boolean started = shown.status() == ImportStatus.IMPORTING || shown.status() == ImportStatus.IMPORTED;
        progress.setVisible(started);
        progress.setValue(shown.progress());
        if (shown.status() == ImportStatus.IMPORTING) {
            progressText.setText("Importing: " + shown.importedRows() + " of " + shown.validRows() + " imported");
        } else if (shown.status() == ImportStatus.IMPORTED) {
            progressText.setText("Imported " + shown.importedRows() + " of " + shown.validRows() + " good rows"
                    + (shown.skippedRows() == 0
                            ? "."
                            : "; " + shown.skippedRows() + " skipped, already on the roster meanwhile."));
        } else if (shown.status() == ImportStatus.DISCARDED) {
            progressText.setText("Import discarded. Upload another file to start again.");
        } else {
            progressText.setText("");
        }
        backToRoster.setVisible(shown.status() == ImportStatus.IMPORTED);
    }

    private void startImport() {
        RosterImport pending = current;
        if (pending == null) {
            return;
        }
        try {
            show(imports.start(pending.id()));
        } catch (ImportNotPendingException e) {
            showUploadError(e.getMessage());
            return;
        }
        UI ui = UI.getCurrent();
        polling = ui.addPollListener(poll -> importNextBatch());
        ui.setPollInterval(POLL_MILLIS);
    }

    private void importNextBatch() {
        RosterImport importing = current;
        if (importing == null) {
            return;
        }
        RosterImport next = imports.importNextBatch(importing.id());
        show(next);
        if (next.status() != ImportStatus.IMPORTING) {
            stopPolling();
        }
    }

    private void discardImport() {
        RosterImport pending = current;
        if (pending == null) {
            return;
        }
        try {
            imports.discard(pending.id());
            show(imports.get(pending.id()));
        } catch (ImportNotPendingException e) {
            showUploadError(e.getMessage());
        }
    }

    private void stopPolling() {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent detachEvent) {
        stopPolling();
        super.onDetach(detachEvent);
    }

    private void showUploadError(@Nullable String message) {
        uploadError.setText(message == null ? "The file could not be read." : message);
        uploadError.setVisible(true);
    }

    private byte[] exportCsv() {
        StringWriter out = new StringWriter();
        imports.exportCsv(out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private <T> T asViewer(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(security);
        try {
            return tenant == null ? work.get() : TenantContext.callAs(tenant, work);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    static String result(ImportRow row) {
        if (!row.ok()) {
            return String.join("; ", row.errors());
        }
        if (row.outcome() == null) {
            return "OK";
        }
        return ImportRow.IMPORTED.equals(row.outcome()) ? "Imported" : row.outcome();
    }
}
