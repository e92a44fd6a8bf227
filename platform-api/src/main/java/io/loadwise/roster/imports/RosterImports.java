package io.loadwise.roster.imports;

import io.loadwise.identity.CurrentUser;
import io.loadwise.identity.CurrentUsers;
import io.loadwise.roster.imports.internal.RosterCsv;
import io.loadwise.roster.imports.internal.RosterImportRepository;
import io.loadwise.roster.imports.internal.RosterImportRepository.Member;
import io.loadwise.shared.NotFoundException;
import io.loadwise.tenancy.TenantContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Roster CSV import and export for coaches.
 *
 * <p>An import is two steps: {@link #validate} reads the whole file and stores a per-row report
 * without touching the roster; {@link #confirm} (or {@link #start} then {@link #importNextBatch}
 * repeatedly, as the UI does to show progress) adds the good rows, a batch per transaction, so
 * progress is visible and a crash resumes where it stopped. Rows are added as roster clients without
 * an account (no Keycloak user; they can be invited later). A staff coach becomes the lead coach of
 * the clients they import; an owner's imports stay unassigned.
 *
 * <p>A coach sees only their own imports; the owner sees all of the business's.
 */
@Service
@EnableConfigurationProperties(RosterImportProperties.class)
public class RosterImports {

    private final RosterImportRepository imports;
    private final RosterImportProperties limits;
    private final TransactionTemplate tx;

    RosterImports(RosterImportRepository imports, RosterImportProperties limits, TransactionTemplate tx) {
        this.imports = imports;
        this.limits = limits;
        this.tx = tx;
    }

    public RosterImportProperties limits() {
        return limits;
    }

    /**
     * Validates a CSV file (UTF-8 with or without BOM, comma or semicolon separated, header row
     * first) and stores the report. Nothing is imported yet.
     *
     * @throws ImportTooLargeException over {@link RosterImportProperties#maxBytes()}
     * @throws IllegalArgumentException when the file as a whole is unusable (no header, unknown
     *     columns, too many rows, not UTF-8)
     */
    @PreAuthorize("hasRole('COACH')")
    public RosterImport validate(byte[] file) {
        if (file.length > limits.maxBytes()) {
            throw new ImportTooLargeException(file.length, limits.maxBytes());
        }
        String text = utf8(file);
        UUID user = CurrentUsers.require().userId();
        return inTransaction(() -> {
            List<ImportRow> rows = RosterCsv.validate(text, limits.maxRows(), email -> false);
            Set<String> onRoster = imports.emailsOnRoster(rows.stream()
                    .map(ImportRow::email)
                    .filter(e -> !e.isEmpty())
                    .toList());
            List<ImportRow> checked = RosterCsv.validate(text, limits.maxRows(), onRoster::contains);
            return imports.insert(user, checked);
        });
    }

    /** An import with its report and progress; 404 for another coach's import or another tenant's. */
    @PreAuthorize("hasRole('COACH')")
    public RosterImport get(UUID id) {
        return inTransaction(() -> {
            requireVisible(id);
            return imports.find(id, false).orElseThrow();
        });
    }

    /**
     * Confirms an import and imports all its good rows before returning. Confirming an import that
     * is already imported changes nothing and answers it as it is.
     *
     * @throws ImportNotPendingException for a discarded import
     */
    @PreAuthorize("hasRole('COACH')")
    public RosterImport confirm(UUID id) {
        RosterImport state = start(id);
        while (state.status() == ImportStatus.IMPORTING) {
            state = importNextBatch(id);
        }
        return state;
    }

    /** Marks a validated import as importing; the rows follow with {@link #importNextBatch}. */
    @PreAuthorize("hasRole('COACH')")
    public RosterImport start(UUID id) {
        return inTransaction(() -> {
            requireVisible(id);
            RosterImport current = imports.find(id, true).orElseThrow();
            return switch (current.status()) {
                case VALIDATED -> {
                    imports.update(id, ImportStatus.IMPORTING, current.rows(), false);
                    yield imports.find(id, false).orElseThrow();
                }
                case DISCARDED, FAILED ->
                    throw new ImportNotPendingException("This import was discarded; upload the file again.");
                case IMPORTING, IMPORTED -> current;
            };
        });
    }

    /**
     * Imports the next batch of good rows of a confirmed import in one transaction; the last batch
     * marks the import imported. Rows whose address reached the roster since validation are
     * skipped, and the report says so.
     */
    @PreAuthorize("hasRole('COACH')")
    public RosterImport importNextBatch(UUID id) {
        UUID user = CurrentUsers.require().userId();
        return inTransaction(() -> {
            requireVisible(id);
            RosterImport current = imports.find(id, true).orElseThrow();
            if (current.status() != ImportStatus.IMPORTING) {
                return current;
            }
            UUID leadCoach =
                    imports.member(user).filter(m -> !m.owner()).map(Member::id).orElse(null);
            List<ImportRow> rows = new ArrayList<>(current.rows());
            int done = 0;
            for (int i = 0; i < rows.size() && done < limits.batchSize(); i++) {
                ImportRow row = rows.get(i);
                if (!row.ok() || row.outcome() != null) {
                    continue;
                }
                boolean added = imports.addClient(row, leadCoach);
                rows.set(
                        i,
                        row.withOutcome(
                                added
                                        ? ImportRow.IMPORTED
                                        : "skipped: already on the roster (added since the file was checked)"));
                done++;
            }
            boolean finished = rows.stream().noneMatch(r -> r.ok() && r.outcome() == null);
            imports.update(id, finished ? ImportStatus.IMPORTED : ImportStatus.IMPORTING, rows, finished);
            return imports.find(id, false).orElseThrow();
        });
    }

    /**
     * Discards a validated import.
     *
     * @throws ImportNotPendingException when it was already confirmed
     */
    @PreAuthorize("hasRole('COACH')")
    public void discard(UUID id) {
        inTransaction(() -> {
            requireVisible(id);
            RosterImport current = imports.find(id, true).orElseThrow();
            if (current.status() == ImportStatus.IMPORTING || current.status() == ImportStatus.IMPORTED) {
                throw new ImportNotPendingException(
                        "This import was already confirmed; it can no longer be discarded.");
            }
            imports.update(id, ImportStatus.DISCARDED, current.rows(), true);
            return null;
        });
    }

    /**
     * Writes the roster the signed-in coach sees as CSV (UTF-8 with BOM, the import's columns),
     * every cell guarded against formula injection.
     */
    @PreAuthorize("hasRole('COACH')")
    public void exportCsv(Writer out) {
        UUID user = CurrentUsers.require().userId();
        inTransaction(() -> {
            Optional<Member> me = imports.member(user);
            // A coach who is no member of the business sees nobody: a fresh id matches no client.
            UUID coach = me.filter(Member::owner).isPresent()
                    ? null
                    : me.map(Member::id).orElseGet(UUID::randomUUID);
            try {
                out.write('\uFEFF');
                out.write(RosterCsv.headerLine());
                imports.forEachVisibleClient(coach, r -> {
                    try {
                        out.write(
                                RosterCsv.line(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    private void requireVisible(UUID id) {
        CurrentUser user = CurrentUsers.require();
        UUID creator = imports.createdBy(id).orElseThrow(() -> new NotFoundException("import", id));
        boolean owner = imports.member(user.userId()).filter(Member::owner).isPresent();
        if (!owner && !Objects.equals(creator, user.userId())) {
            throw new NotFoundException("import", id);
        }
    }

    private <T> @Nullable T inTransaction(java.util.function.Supplier<@Nullable T> work) {
        TenantContext.require();
        return tx.execute(status -> work.get());
    }

    private static String utf8(byte[] file) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(
                    "The file is not UTF-8 text. Save it from your spreadsheet as \"CSV UTF-8\".");
        }
    }
}
