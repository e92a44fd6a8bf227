package io.loadwise.team;

import io.loadwise.identity.CurrentUser;
import io.loadwise.identity.CurrentUsers;
import io.loadwise.identity.IdentityProvisioning;
import io.loadwise.identity.RemovedMembers;
import io.loadwise.identity.Role;
import io.loadwise.shared.Ids;
import io.loadwise.shared.NotFoundException;
import io.loadwise.team.internal.TeamRepository;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.tenancy.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The team of a business: its owners and coaches. Every coach may see it; only an owner invites
 * and removes. A removed coach keeps their row (their messages and notes keep an author), loses
 * their clients to a coach the owner picks, and can no longer sign in to the business.
 */
@Service
public class TeamService {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final TeamRepository team;
    private final TenantDirectory tenants;
    private final IdentityProvisioning identity;
    private final RemovedMembers removedMembers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TeamService(
            TeamRepository team,
            TenantDirectory tenants,
            IdentityProvisioning identity,
            RemovedMembers removedMembers,
            ApplicationEventPublisher events,
            Clock clock) {
        this.team = team;
        this.tenants = tenants;
        this.identity = identity;
        this.removedMembers = removedMembers;
        this.events = events;
        this.clock = clock;
    }

    /** Owners and coaches, current ones first, with how many clients each has. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COACH')")
    public List<TeamMember> members() {
        TenantContext.require();
        return team.members();
    }

    /** Whether the signed-in coach is an owner of the business (owners manage the team and settings). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COACH')")
    public boolean currentUserIsOwner() {
        TenantContext.require();
        return team.isActiveOwner(CurrentUsers.require().userId());
    }

    /**
     * Invites a coach or co-owner: their Keycloak account (realm role coach) in the business's
     * organization, a member row, and a {@link CoachInvited} event that has them mailed a link to
     * set their password.
     *
     * @throws TeamConflictException when someone with that email is already in the business
     */
    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public TeamMember invite(String email, String displayName, TeamRole role) {
        TenantId tenantId = TenantContext.require();
        CurrentUser inviter = requireOwner();
        String normalizedEmail = email.strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(normalizedEmail).matches() || normalizedEmail.length() > 320) {
            throw new IllegalArgumentException("'" + email + "' is not an email address.");
        }
        String name = displayName.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new IllegalArgumentException("A coach needs a name (up to 200 characters).");
        }
        // Checked before Keycloak is asked, so a repeated invite changes nothing anywhere.
        if (team.hasMemberWithEmail(normalizedEmail)) {
            throw new TeamConflictException(normalizedEmail + " is already part of this business.", "already-on-team");
        }
        Tenant tenant = tenants.findById(tenantId).orElseThrow(TenantContext.NoTenantException::new);
        UUID userId = identity.inviteUser(tenantId, normalizedEmail, name, Role.COACH);
        UUID memberId = Ids.newId(clock);
        team.insert(memberId, userId, role, normalizedEmail, name);
        events.publishEvent(new CoachInvited(
                Ids.newId(clock),
                tenantId,
                memberId,
                normalizedEmail,
                name,
                role.dbValue(),
                tenant.name(),
                tenant.slug(),
                Optional.ofNullable(inviter.displayName()).orElse(tenant.name()),
                clock.instant()));
        removedMembers.forget(tenantId, userId);
        return team.member(memberId).orElseThrow();
    }

    /**
     * Removes a coach from the business in one transaction: the clients they lead or co-coach go to
     * {@code reassignTo}, the member row is marked removed (kept, so their messages and notes keep
     * their author), and their Keycloak organization membership ends.
     *
     * @param reassignTo the active coach or owner who takes over; may be null only when the removed
     *     coach has no clients
     * @throws NotFoundException when either id is no team member of this business (also for ids of
     *     other businesses)
     * @throws TeamConflictException for removing oneself, the last owner, or someone already removed
     * @throws IllegalArgumentException when {@code reassignTo} can't take clients over
     */
    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public Removal remove(UUID memberId, @Nullable UUID reassignTo) {
        TenantId tenantId = TenantContext.require();
        CurrentUser owner = requireOwner();
        TeamMember removed = team.member(memberId).orElseThrow(() -> new NotFoundException("team member", memberId));
        if (!removed.active()) {
            throw new TeamConflictException(removed.displayName() + " was already removed.", "already-removed");
        }
        if (removed.userId().equals(owner.userId())) {
            throw new TeamConflictException(
                    "You can't remove yourself. Another owner can remove you.", "cannot-remove-yourself");
        }
        if (removed.role() == TeamRole.OWNER && team.activeOwners() <= 1) {
            throw new TeamConflictException("A business needs an owner: make someone else owner first.", "last-owner");
        }
        int clients = removed.leadClients() + removed.coCoachedClients();
        if (reassignTo == null) {
            if (clients > 0) {
                throw new IllegalArgumentException(removed.displayName() + " has " + clients
                        + " client(s): choose the coach who takes them over (reassignTo).");
            }
        } else {
            requireSuccessor(memberId, reassignTo);
        }
        int lead = 0;
        int coCoached = 0;
        if (reassignTo != null) {
            lead = team.reassignLeadClients(memberId, reassignTo);
            coCoached = team.reassignCoCoachedClients(memberId, reassignTo, clock.instant());
        }
        team.markRemoved(memberId, clock.instant());
        // Last: if Keycloak refuses, the whole removal rolls back and can be tried again.
        identity.removeFromTenant(tenantId, removed.userId());
        removedMembers.forget(tenantId, removed.userId());
        return new Removal(memberId, reassignTo, lead, coCoached);
    }

    private void requireSuccessor(UUID removed, UUID successorId) {
        if (successorId.equals(removed)) {
            throw new IllegalArgumentException("Choose another coach to take the clients over.");
        }
        Optional<String> role = team.roleOf(successorId);
        if (role.isEmpty()) {
            throw new NotFoundException("team member", successorId);
        }
        if ("client".equals(role.get())) {
            throw new IllegalArgumentException("Clients can only be handed to a coach or an owner, not to a client.");
        }
        TeamMember successor =
                team.member(successorId).orElseThrow(() -> new NotFoundException("team member", successorId));
        if (!successor.active()) {
            throw new IllegalArgumentException(
                    successor.displayName() + " was removed from the business and can't take clients over.");
        }
    }

    private CurrentUser requireOwner() {
        CurrentUser user = CurrentUsers.require();
        if (!team.isActiveOwner(user.userId())) {
            throw new AccessDeniedException("Only an owner of the business may change its team.");
        }
        return user;
    }
}
