package io.loadwise.privacy;

import io.loadwise.identity.CurrentUser;
import io.loadwise.identity.CurrentUsers;
import io.loadwise.identity.Role;
import io.loadwise.privacy.ErasureSummary.Kept;
import io.loadwise.privacy.ErasureSummary.Removed;
import io.loadwise.privacy.internal.AuditLogRepository;
import io.loadwise.privacy.internal.ErasureRepository;
import io.loadwise.privacy.internal.TenantClientsQuery;
import io.loadwise.roster.ClientAccess;
import io.loadwise.roster.ClientId;
import io.loadwise.shared.NotFoundException;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.tenancy.TenantId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data rights, for the client herself, her coaches, and platform admins through break-glass:
 *
 * <ul>
 *   <li>export: everything stored about a client, as a ZIP of {@code data.json} plus CSV logs;
 *   <li>erasure: personal and health data removed everywhere (including her Keycloak login), the
 *       roster row kept anonymized, and a summary of what was removed and what was kept, and why;
 *   <li>break-glass: a platform admin sees one client's data only by giving a reason, and the
 *       access is written to that tenant's audit log.
 * </ul>
 *
 * Every export, erasure and break-glass access is audited in the same transaction as the access.
 *
 * @see <a href="../../../../../../../docs/adr/0007-data-rights.md">ADR 0007: data rights</a>
 */
@Service
public class PrivacyService {

    /** A break-glass reason must say something: "support" is not a reason. */
    public static final int MIN_REASON_LENGTH = 20;

    private static final int AUDIT_PAGE = 200;

    private final List<PersonalData> categories;
    private final ClientAccess access;
    private final TenantDirectory tenants;
    private final TenantClientsQuery clients;
    private final AuditLogRepository audit;
    private final ErasureRepository erasures;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;

    PrivacyService(
            List<PersonalData> categories,
            ClientAccess access,
            TenantDirectory tenants,
            TenantClientsQuery clients,
            AuditLogRepository audit,
            ErasureRepository erasures,
            TransactionTemplate tx,
            JsonMapper json,
            Clock clock) {
        this.categories = categories.stream()
                .sorted(Comparator.comparingInt(PersonalData::order))
                .toList();
        this.access = access;
        this.tenants = tenants;
        this.clients = clients;
        this.audit = audit;
        this.erasures = erasures;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    /** The signed-in client's own data. */
    @Transactional
    @PreAuthorize("hasRole('CLIENT')")
    public ClientExport exportOwn() {
        ClientId client = ownClient();
        ClientExport export = build(client);
        audited("data-exported", client, null, Map.of("categories", categoryNames()));
        return export;
    }

    /** A client's data, for a coach who sees her (404 otherwise). */
    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public ClientExport exportClient(ClientId client) {
        access.requireVisible(client);
        ClientExport export = build(client);
        audited("data-exported", client, null, Map.of("categories", categoryNames()));
        return export;
    }

    /** The signed-in client erases herself; her login ends with it. */
    @Transactional
    @PreAuthorize("hasRole('CLIENT')")
    public ErasureSummary eraseOwn() {
        return erase(ownClient(), null);
    }

    /** A coach who sees the client erases her data (404 otherwise). */
    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public ErasureSummary eraseClient(ClientId client) {
        access.requireVisible(client);
        return erase(client, null);
    }

    /**
     * A platform admin's access to one client's data in a tenant: refused without a reason, audited
     * in that tenant with the reason and what was accessed.
     *
     * @throws IllegalArgumentException for a missing or too short reason
     * @throws NotFoundException for an unknown tenant or client
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public ClientExport breakGlassExport(TenantId tenant, ClientId client, @Nullable String reason) {
        String why = requireReason(reason);
        return inTenant(tenant, () -> {
            requireClient(client);
            ClientExport export = build(client);
            audited("break-glass-export", client, why, Map.of("accessed", categoryNames()));
            return export;
        });
    }

    /** A platform admin erases a client of a tenant, for a stated reason (e.g. a request sent to support). */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public ErasureSummary breakGlassErase(TenantId tenant, ClientId client, @Nullable String reason) {
        String why = requireReason(reason);
        return inTenant(tenant, () -> {
            requireClient(client);
            return erase(client, why);
        });
    }

    /** The tenant's audit log, newest first. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public List<AuditEntry> auditLog(TenantId tenant) {
        return inTenant(tenant, () -> audit.latest(AUDIT_PAGE));
    }

    /** Client ids and status counts of a tenant: what an admin sees without break-glass. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public TenantClientsOverview overview(TenantId tenant) {
        return inTenant(tenant, clients::overview);
    }

    private ClientId ownClient() {
        return access.ownClient().orElseThrow(() -> new NotFoundException("client", "of the signed-in user"));
    }

    private void requireClient(ClientId client) {
        if (!clients.exists(client)) {
            throw new NotFoundException("client", client);
        }
    }

    /**
     * Admins carry no tenant in their token: the tenant is bound here, before the transaction
     * starts, so row level security scopes the work (and the audit entry) to it.
     */
    private <T> T inTenant(TenantId tenant, java.util.function.Supplier<T> work) {
        tenants.findById(tenant).orElseThrow(() -> new NotFoundException("tenant", tenant));
        return TenantContext.callAs(tenant, () -> tx.execute(status -> work.get()));
    }

    private static String requireReason(@Nullable String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < MIN_REASON_LENGTH) {
            throw new IllegalArgumentException("Break-glass access needs a reason of at least " + MIN_REASON_LENGTH
                    + " characters: say why you need this client's data.");
        }
        if (why.length() > 2000) {
            throw new IllegalArgumentException("A reason is at most 2000 characters.");
        }
        return why;
    }

    private ErasureSummary erase(ClientId client, @Nullable String reason) {
        Instant requestedAt = clock.instant();
        if (erasures.lockClient(client).isPresent()) {
            return previousErasure(client);
        }
        List<Removed> removed = new ArrayList<>();
        for (PersonalData category : categories) {
            removed.add(new Removed(category.category(), category.erase(client)));
        }
        int auditEntries = audit.countAbout(client.value()) + 1;
        List<Kept> kept = List.of(
                new Kept(
                        "roster entry",
                        "Kept anonymized as \"Erased client\" (address erased+" + client
                                + "@invalid.example), so that records referring to it stay valid."),
                new Kept(
                        "invoices and orders",
                        "Kept for 10 years, as tax law requires, without the buyer's name and email;"
                                + " they hold only what an invoice must."),
                new Kept(
                        "audit log",
                        auditEntries + " entries: who exported, accessed or erased this client's data, when and"
                                + " why. They name the client only by id."),
                new Kept("erasure record", "This summary, as proof of what was erased and when."));
        erasures.record(
                client, actor().userId(), requestedAt, json.writeValueAsString(removed), json.writeValueAsString(kept));
        audited("client-erased", client, reason, Map.of("removed", removed));
        return new ErasureSummary(client, clock.instant(), removed, kept, false);
    }

    private ErasureSummary previousErasure(ClientId client) {
        Optional<ErasureRepository.Recorded> recorded = erasures.first(client);
        if (recorded.isEmpty()) {
            return new ErasureSummary(client, clock.instant(), List.of(), List.of(), true);
        }
        ErasureRepository.Recorded r = recorded.get();
        return new ErasureSummary(
                client,
                r.completedAt(),
                json.readValue(r.removedJson(), new TypeReference<List<Removed>>() {}),
                json.readValue(r.keptJson(), new TypeReference<List<Kept>>() {}),
                true);
    }

    private ClientExport build(ClientId client) {
        Instant now = clock.instant();
        Tenant tenant = tenants.findById(TenantContext.require()).orElseThrow(TenantContext.NoTenantException::new);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("format", "loadwise-client-export/1");
        data.put("generatedAt", now);
        data.put("business", Map.of("name", tenant.name(), "address", "/t/" + tenant.slug()));
        data.put(
                "about",
                "Everything Loadwise stores about you in this coaching business, including your coaches'"
                        + " private notes. messages.csv and intake.csv hold your message thread and intake"
                        + " answers as tables.");
        List<ExportFile> files = new ArrayList<>();
        for (PersonalData category : categories) {
            data.put(category.category(), category.export(client));
            files.addAll(category.files(client));
        }
        byte[] dataJson = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(data);
        return new ClientExport(client, now, data, files, zip(dataJson, files));
    }

    private static byte[] zip(byte[] dataJson, List<ExportFile> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("data.json"));
            zip.write(dataJson);
            zip.closeEntry();
            for (ExportFile file : files) {
                zip.putNextEntry(new ZipEntry(file.name()));
                zip.write(file.content());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private List<String> categoryNames() {
        return categories.stream().map(PersonalData::category).toList();
    }

    private void audited(String action, ClientId subject, @Nullable String reason, Map<String, Object> detail) {
        CurrentUser actor = actor();
        audit.append(actor.userId(), roleOf(actor), action, subject.value(), reason, json.writeValueAsString(detail));
    }

    private static CurrentUser actor() {
        return CurrentUsers.require();
    }

    private String roleOf(CurrentUser user) {
        if (user.has(Role.PLATFORM_ADMIN)) {
            return "platform-admin";
        }
        if (user.has(Role.COACH)) {
            return access.currentUserIsOwner() ? "owner" : "coach";
        }
        return "client";
    }
}
