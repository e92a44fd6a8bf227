package io.loadwise.roster;

import io.loadwise.identity.CurrentUser;
import io.loadwise.identity.CurrentUsers;
import io.loadwise.identity.IdentityProvisioning;
import io.loadwise.identity.Role;
import io.loadwise.roster.internal.RosterRepository;
import io.loadwise.shared.Cursor;
import io.loadwise.shared.Ids;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.tenancy.TenantId;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The roster's application service: reading the roster and inviting clients. */
@Service
public class RosterService {

    public static final int MAX_PAGE_SIZE = 200;

    private final RosterRepository roster;
    private final TenantDirectory tenants;
    private final IdentityProvisioning identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RosterService(
            RosterRepository roster,
            TenantDirectory tenants,
            IdentityProvisioning identity,
            ApplicationEventPublisher events,
            Clock clock) {
        this.roster = roster;
        this.tenants = tenants;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A page of the current tenant's roster ordered by name, after the given cursor.
     *
     * @param cursor the {@code nextCursor} of the previous page, or null for the first page
     * @param limit page size, 1 to {@value #MAX_PAGE_SIZE}
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('COACH', 'PLATFORM_ADMIN')")
    public RosterPage page(@Nullable String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE_SIZE + ", was " + limit);
        }
        TenantContext.require();
        Optional<Cursor> after = Optional.ofNullable(cursor).map(c -> Cursor.decode(c, 2));
        return roster.page(after, limit);
    }

    /**
     * Invites a client: a Keycloak account in the tenant's organization, a roster entry, and a
     * {@link ClientInvited} event (published in the same transaction, mailed by notifications with
     * a single-use link to set a password, see {@code io.loadwise.onboarding.AccountLinks}).
     *
     * @return the new client, with the email address normalized as it was stored
     */
    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public InvitedClient invite(String email, String displayName) {
        TenantId tenantId = TenantContext.require();
        String normalizedEmail = email.trim().toLowerCase(Locale.ROOT);
        if (!normalizedEmail.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
            throw new IllegalArgumentException("'" + email + "' is not an email address.");
        }
        if (displayName.isBlank()) {
            throw new IllegalArgumentException("A client needs a name.");
        }
        // Checked before Keycloak is asked, so a repeated invite changes nothing anywhere.
        if (roster.hasClientWithEmail(normalizedEmail)) {
            throw new ClientAlreadyOnRosterException(normalizedEmail);
        }
        Tenant tenant = tenants.findById(tenantId).orElseThrow(TenantContext.NoTenantException::new);
        CurrentUser inviter = CurrentUsers.require();
        UUID userId = identity.inviteUser(tenantId, normalizedEmail, displayName.trim(), Role.CLIENT);
        ClientId clientId = new ClientId(Ids.newId(clock));
        UUID memberId = Ids.newId(clock);
        roster.addClient(memberId, userId, clientId, normalizedEmail, displayName.trim(), coachMemberOf(inviter));
        events.publishEvent(new ClientInvited(
                Ids.newId(clock),
                tenantId,
                clientId,
                memberId,
                normalizedEmail,
                displayName.trim(),
                tenant.name(),
                tenant.slug(),
                Optional.ofNullable(inviter.displayName()).orElse(tenant.name()),
                clock.instant()));
        return new InvitedClient(clientId, normalizedEmail);
    }

    private @Nullable UUID coachMemberOf(CurrentUser user) {
        return roster.memberIdOfUser(user.userId()).orElse(null);
    }
}
