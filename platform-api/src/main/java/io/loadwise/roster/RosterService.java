package io.loadwise.roster;

import io.loadwise.identity.CurrentUser;
import io.loadwise.identity.CurrentUsers;
import io.loadwise.identity.IdentityProvisioning;
import io.loadwise.identity.Role;
import io.loadwise.roster.internal.RosterListQuery;
import io.loadwise.roster.internal.RosterRepository;
import io.loadwise.shared.Cursor;
import io.loadwise.shared.Ids;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.tenancy.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The roster's application service: reading, searching and filtering the roster, and inviting clients. */
@Service
public class RosterService {

    public static final int MAX_PAGE_SIZE = 200;

    private final RosterRepository roster;
    private final RosterListQuery rosterList;
    private final TenantDirectory tenants;
    private final IdentityProvisioning identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RosterService(
            RosterRepository roster,
            RosterListQuery rosterList,
            TenantDirectory tenants,
            IdentityProvisioning identity,
            ApplicationEventPublisher events,
            Clock clock) {
        this.roster = roster;
        this.rosterList = rosterList;
        this.tenants = tenants;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A page of the roster ordered by name, after the given cursor: all clients for the owner, the
     * clients they lead or co-coach for another coach.
     *
     * @param cursor the {@code nextCursor} of the previous page, or null for the first page
     * @param limit page size, 1 to {@value #MAX_PAGE_SIZE}
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COACH')")
    public RosterPage page(@Nullable String cursor, int limit) {
        return page(RosterFilter.all(), cursor, limit);
    }

    /**
     * A page of the clients the signed-in coach may see that match {@code filter}, in the filter's
     * order, after the given cursor. Platform admins and clients do not browse rosters.
     *
     * @param cursor the {@code nextCursor} of the previous page with the same sort, or null
     * @param limit page size, 1 to {@value #MAX_PAGE_SIZE}
     * @throws IllegalArgumentException for a bad limit or a cursor of another sort
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COACH')")
    public RosterPage page(RosterFilter filter, @Nullable String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE_SIZE + ", was " + limit);
        }
        TenantContext.require();
        Optional<Cursor> after = Optional.ofNullable(cursor).map(c -> Cursor.decode(c, 4));
        after.ifPresent(c -> {
            if (!c.values().getFirst().equals(filter.sort().parameter())) {
                throw new IllegalArgumentException("This cursor continues the roster sorted by '"
                        + c.values().getFirst() + "', not by '" + filter.sort().parameter()
                        + "'. Ask for the first page of the new order without a cursor.");
            }
        });
        return rosterList.page(CurrentUsers.require().userId(), filter, after, limit);
    }

    /** The tags the business uses, with how many clients carry each. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COACH')")
    public List<TagCount> tags() {
        TenantContext.require();
        return rosterList.tags();
    }

    /** The business's owner and coaches who can be assigned to clients, by name. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COACH')")
    public List<CoachRef> coaches() {
        TenantContext.require();
        return rosterList.coaches();
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

    /**
     * The roster client who bought something in the business's storefront (no person is signed in:
     * billing calls this when Stripe reports a paid checkout). A buyer already on the roster is
     * found by email; anyone else becomes a client without a coach and gets the usual account
     * invite ({@link ClientInvited}, sent in the name of the business). Safe to repeat: the second
     * call finds the client the first created.
     *
     * @param displayName the name the buyer gave at checkout; the part of the address before the
     *     {@code @} when she gave none
     */
    @Transactional
    public Buyer findOrInviteBuyer(String email, @Nullable String displayName) {
        TenantId tenantId = TenantContext.require();
        String normalizedEmail = email.trim().toLowerCase(Locale.ROOT);
        if (!normalizedEmail.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
            throw new IllegalArgumentException("'" + email + "' is not an email address.");
        }
        Optional<ClientId> existing = roster.clientIdByEmail(normalizedEmail);
        if (existing.isPresent()) {
            return new Buyer(existing.get(), false);
        }
        String name = displayName == null || displayName.isBlank()
                ? normalizedEmail.substring(0, normalizedEmail.indexOf('@'))
                : displayName.trim();
        Tenant tenant = tenants.findById(tenantId).orElseThrow(TenantContext.NoTenantException::new);
        UUID userId = identity.inviteUser(tenantId, normalizedEmail, name, Role.CLIENT);
        ClientId clientId = new ClientId(Ids.newId(clock));
        UUID memberId = Ids.newId(clock);
        roster.addClient(memberId, userId, clientId, normalizedEmail, name, null);
        events.publishEvent(new ClientInvited(
                Ids.newId(clock),
                tenantId,
                clientId,
                memberId,
                normalizedEmail,
                name,
                tenant.name(),
                tenant.slug(),
                tenant.name(),
                clock.instant()));
        return new Buyer(clientId, true);
    }

    /**
     * A storefront buyer on the roster.
     *
     * @param invited true when she was not on the roster before and was just invited
     */
    public record Buyer(ClientId clientId, boolean invited) {}

    private @Nullable UUID coachMemberOf(CurrentUser user) {
        return roster.memberIdOfUser(user.userId()).orElse(null);
    }
}
