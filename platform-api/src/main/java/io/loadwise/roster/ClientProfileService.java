package io.loadwise.roster;

import io.loadwise.identity.CurrentUsers;
import io.loadwise.roster.internal.ClientNoteRepository;
import io.loadwise.roster.internal.ClientProfileRepository;
import io.loadwise.roster.internal.RosterRepository;
import io.loadwise.shared.Ids;
import io.loadwise.shared.NotFoundException;
import io.loadwise.shared.StaleVersionException;
import io.loadwise.tenancy.TenantContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roster's application service for one client: the profile coaches keep (status, tags, coaches,
 * injuries), coach-private notes, and the client's own profile with her consent to sensitive data.
 *
 * <p>Every client-scoped method first asks {@link ClientAccess}, so a client of another tenant or
 * of another coach is "not found". Updates carry the version the caller read; a stale one changes
 * nothing and fails with {@link StaleVersionException}.
 *
 * <p>Kept apart from {@link RosterService} (listing and inviting) so the two can change independently.
 */
@Service
public class ClientProfileService {

    private final ClientAccess access;
    private final ClientProfileRepository profiles;
    private final ClientNoteRepository notes;
    private final RosterRepository roster;
    private final Clock clock;

    ClientProfileService(
            ClientAccess access,
            ClientProfileRepository profiles,
            ClientNoteRepository notes,
            RosterRepository roster,
            Clock clock) {
        this.access = access;
        this.profiles = profiles;
        this.notes = notes;
        this.roster = roster;
        this.clock = clock;
    }

    // --- the coaches' view of a client ---------------------------------------------------------

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COACH')")
    public ClientProfile profile(ClientId client) {
        access.requireVisible(client);
        return profiles.profile(client).orElseThrow(() -> new NotFoundException("client", client));
    }

    /**
     * Replaces the coach-kept profile.
     *
     * @throws ConsentRequiredException when a menopausal status is given without the client's consent
     * @throws StaleVersionException when the profile changed since {@code expectedVersion}
     */
    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public ClientProfile updateProfile(ClientId client, int expectedVersion, ProfileChanges changes) {
        access.requireVisible(client);
        ProfileChanges valid = new ProfileChanges(
                ProfileRules.displayName(changes.displayName()),
                Objects.requireNonNull(changes.status(), "status"),
                ProfileRules.tags(changes.tags()),
                ProfileRules.goal(changes.goal()),
                changes.ageGroup(),
                changes.menopausalStatus(),
                ProfileRules.weeklyVolumeKm(changes.weeklyVolumeKm()),
                ProfileRules.races(changes.races()));
        requireConsentFor(client, valid.menopausalStatus());
        if (!profiles.update(client, expectedVersion, valid, now())) {
            throw stale(client, expectedVersion);
        }
        return profile(client);
    }

    /**
     * Sets the lead coach and co-coaches of a client. Only the business's owner assigns coaches,
     * and only to its active coaches.
     */
    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public ClientProfile assignCoaches(
            ClientId client, int expectedVersion, @Nullable UUID leadCoach, List<UUID> coCoaches) {
        access.requireVisible(client);
        if (!access.currentUserIsOwner()) {
            throw new AccessDeniedException("Only the owner of the business assigns coaches.");
        }
        Set<UUID> others = new LinkedHashSet<>(coCoaches);
        if (leadCoach != null) {
            others.remove(leadCoach);
        }
        Set<UUID> wanted = new HashSet<>(others);
        if (leadCoach != null) {
            wanted.add(leadCoach);
        }
        Set<UUID> unknown = new HashSet<>(wanted);
        unknown.removeAll(profiles.activeCoaches(wanted));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "Not a coach of this business: " + unknown + ". Assign only the owner or active coaches.");
        }
        if (!profiles.assignCoaches(client, expectedVersion, leadCoach, new ArrayList<>(others), now())) {
            throw stale(client, expectedVersion);
        }
        return profile(client);
    }

    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public Injury addInjury(ClientId client, InjuryDetails injury) {
        access.requireVisible(client);
        InjuryDetails valid = ProfileRules.injury(injury, today());
        UUID id = Ids.newId(clock);
        profiles.addInjury(client, id, valid, now());
        return new Injury(id, valid.condition(), valid.side(), valid.since(), valid.resolvedOn(), valid.notes());
    }

    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public Injury updateInjury(ClientId client, UUID injuryId, InjuryDetails injury) {
        access.requireVisible(client);
        InjuryDetails valid = ProfileRules.injury(injury, today());
        if (!profiles.updateInjury(client, injuryId, valid)) {
            throw new NotFoundException("injury", injuryId);
        }
        return new Injury(injuryId, valid.condition(), valid.side(), valid.since(), valid.resolvedOn(), valid.notes());
    }

    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public void removeInjury(ClientId client, UUID injuryId) {
        access.requireVisible(client);
        if (!profiles.removeInjury(client, injuryId)) {
            throw new NotFoundException("injury", injuryId);
        }
    }

    // --- coach-private notes --------------------------------------------------------------------

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COACH')")
    public List<ClientNote> notes(ClientId client) {
        access.requireVisible(client);
        return notes.notes(client);
    }

    /** Adds a note written by the signed-in coach. The body is stored as typed (views escape it). */
    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public ClientNote addNote(ClientId client, String body) {
        access.requireVisible(client);
        String valid = ProfileRules.note(body);
        UUID author = roster.memberIdOfUser(CurrentUsers.require().userId())
                .orElseThrow(() -> new AccessDeniedException("Only members of the business write notes."));
        UUID id = Ids.newId(clock);
        notes.add(client, id, author, valid, now());
        return notes.note(client, id).orElseThrow();
    }

    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public ClientNote updateNote(ClientId client, UUID noteId, int expectedVersion, String body) {
        access.requireVisible(client);
        String valid = ProfileRules.note(body);
        if (!notes.update(client, noteId, expectedVersion, valid, now())) {
            ClientNote current = notes.note(client, noteId).orElseThrow(() -> new NotFoundException("note", noteId));
            throw new StaleVersionException("note", expectedVersion, current.version());
        }
        return notes.note(client, noteId).orElseThrow();
    }

    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public void removeNote(ClientId client, UUID noteId) {
        access.requireVisible(client);
        if (!notes.remove(client, noteId)) {
            throw new NotFoundException("note", noteId);
        }
    }

    // --- the client's own profile -----------------------------------------------------------------

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CLIENT')")
    public OwnProfile ownProfile() {
        return own(ownClient());
    }

    /**
     * Replaces what the client keeps herself.
     *
     * @throws ConsentRequiredException when she sets a menopausal status without having consented
     */
    @Transactional
    @PreAuthorize("hasRole('CLIENT')")
    public OwnProfile updateOwnProfile(int expectedVersion, OwnProfileChanges changes) {
        ClientId client = ownClient();
        OwnProfileChanges valid = new OwnProfileChanges(
                ProfileRules.displayName(changes.displayName()),
                ProfileRules.goal(changes.goal()),
                changes.ageGroup(),
                changes.menopausalStatus(),
                ProfileRules.weeklyVolumeKm(changes.weeklyVolumeKm()),
                ProfileRules.races(changes.races()));
        requireConsentFor(client, valid.menopausalStatus());
        if (!profiles.updateOwn(client, expectedVersion, valid, now())) {
            throw stale(client, expectedVersion);
        }
        return own(client);
    }

    /**
     * The signed-in client consents to her menopausal status being recorded, with the wording she
     * was shown ({@link ConsentState#MENOPAUSAL_STATUS_WORDING}). Granting again changes nothing.
     */
    @Transactional
    @PreAuthorize("hasRole('CLIENT')")
    public ConsentState grantMenopausalStatusConsent() {
        ClientId client = ownClient();
        if (!profiles.consent(client).granted()) {
            UUID member = profiles.memberOfClient(client).orElseThrow(() -> new NotFoundException("client", client));
            profiles.grantConsent(client, Ids.newId(clock), ConsentState.MENOPAUSAL_STATUS_WORDING, member, now());
        }
        return profiles.consent(client);
    }

    /** Withdraws the consent: the recorded status is deleted, the consent row stays as the record. */
    @Transactional
    @PreAuthorize("hasRole('CLIENT')")
    public ConsentState withdrawMenopausalStatusConsent() {
        ClientId client = ownClient();
        profiles.withdrawConsent(client, now());
        return profiles.consent(client);
    }

    private OwnProfile own(ClientId client) {
        ClientProfile p = profiles.profile(client).orElseThrow(() -> new NotFoundException("client", client));
        return new OwnProfile(
                p.id(),
                p.displayName(),
                p.email(),
                p.goal(),
                p.ageGroup(),
                p.menopausalStatus(),
                p.menopausalStatusConsent(),
                p.weeklyVolumeKm(),
                p.races(),
                p.version());
    }

    private ClientId ownClient() {
        TenantContext.require();
        return access.ownClient().orElseThrow(() -> new NotFoundException("client profile", "of the signed-in user"));
    }

    private void requireConsentFor(ClientId client, @Nullable MenopausalStatus status) {
        if (status != null && !profiles.consent(client).granted()) {
            throw new ConsentRequiredException();
        }
    }

    private RuntimeException stale(ClientId client, int expectedVersion) {
        return profiles.version(client)
                .<RuntimeException>map(current -> new StaleVersionException("client profile", expectedVersion, current))
                .orElseGet(() -> new NotFoundException("client", client));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
