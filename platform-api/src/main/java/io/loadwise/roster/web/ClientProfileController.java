package io.loadwise.roster.web;

import io.loadwise.roster.ClientId;
import io.loadwise.roster.ClientNote;
import io.loadwise.roster.ClientProfile;
import io.loadwise.roster.ClientProfileService;
import io.loadwise.roster.Injury;
import io.loadwise.web.Etags;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** One client as their coaches see it: profile, coaches, injuries and coach-private notes. */
@RestController
@RequestMapping("/api/v1/clients/{id}")
class ClientProfileController {

    private final ClientProfileService profiles;

    ClientProfileController(ClientProfileService profiles) {
        this.profiles = profiles;
    }

    @GetMapping
    @Operation(
            summary = "A client's profile, with its ETag",
            description = "404 for clients of other businesses and, for coaches other than the owner, for clients"
                    + " they neither lead nor co-coach. The menopausal status appears only while the client's"
                    + " consent is active.")
    ResponseEntity<ProfileJson.Profile> profile(@PathVariable UUID id) {
        return withEtag(profiles.profile(new ClientId(id)));
    }

    @PutMapping
    @Operation(
            summary = "Replace a client's profile (If-Match required)",
            description = "Status, tags (trimmed, lower-cased, at most 20 of at most 40 characters), goal, age group,"
                    + " weekly volume, races, name, and menopausal status when the client has consented. 428 without"
                    + " If-Match, 412 when someone else saved first (nothing is changed), 409 for a menopausal status"
                    + " without consent.")
    ResponseEntity<ProfileJson.Profile> update(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody ProfileJson.ProfileUpdate request) {
        int version = Etags.requireVersion(ifMatch);
        return withEtag(profiles.updateProfile(new ClientId(id), version, request.toChanges()));
    }

    @PutMapping("/coaches")
    @Operation(
            summary = "Assign a client's lead coach and co-coaches (owner only, If-Match required)",
            description = "Only the business's owner and its active coaches can be assigned.")
    ResponseEntity<ProfileJson.Profile> assignCoaches(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody ProfileJson.CoachAssignment request) {
        int version = Etags.requireVersion(ifMatch);
        return withEtag(profiles.assignCoaches(
                new ClientId(id),
                version,
                request.leadCoachId(),
                request.coCoachIds() == null ? List.of() : request.coCoachIds()));
    }

    @PostMapping("/injuries")
    @Operation(summary = "Add an injury to a client's history (side left/right/both/none; since not in the future)")
    ResponseEntity<ProfileJson.InjuryView> addInjury(
            @PathVariable UUID id, @RequestBody ProfileJson.InjuryRequest request) {
        Injury injury = profiles.addInjury(new ClientId(id), request.toDetails());
        return ResponseEntity.created(URI.create("/api/v1/clients/" + id + "/injuries/" + injury.id()))
                .body(ProfileJson.InjuryView.of(injury));
    }

    @PutMapping("/injuries/{injuryId}")
    @Operation(summary = "Correct an injury of a client's history, e.g. record when it resolved")
    ProfileJson.InjuryView updateInjury(
            @PathVariable UUID id, @PathVariable UUID injuryId, @RequestBody ProfileJson.InjuryRequest request) {
        return ProfileJson.InjuryView.of(profiles.updateInjury(new ClientId(id), injuryId, request.toDetails()));
    }

    @DeleteMapping("/injuries/{injuryId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove an injury from a client's history")
    void removeInjury(@PathVariable UUID id, @PathVariable UUID injuryId) {
        profiles.removeInjury(new ClientId(id), injuryId);
    }

    @GetMapping("/notes")
    @Operation(summary = "A client's coach-private notes, newest first (coaches only; never shown to the client)")
    List<ProfileJson.Note> notes(@PathVariable UUID id) {
        return profiles.notes(new ClientId(id)).stream()
                .map(ProfileJson.Note::of)
                .toList();
    }

    @PostMapping("/notes")
    @Operation(summary = "Write a coach-private note about a client, stored exactly as written")
    ResponseEntity<ProfileJson.Note> addNote(@PathVariable UUID id, @RequestBody ProfileJson.NoteRequest request) {
        ClientNote note = profiles.addNote(new ClientId(id), request.body() == null ? "" : request.body());
        return ResponseEntity.created(URI.create("/api/v1/clients/" + id + "/notes/" + note.id()))
                .eTag(Etags.of(note.version()))
                .body(ProfileJson.Note.of(note));
    }

    @PutMapping("/notes/{noteId}")
    @Operation(summary = "Edit a note (If-Match with the note's version required)")
    ResponseEntity<ProfileJson.Note> updateNote(
            @PathVariable UUID id,
            @PathVariable UUID noteId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody ProfileJson.NoteRequest request) {
        int version = Etags.requireVersion(ifMatch);
        ClientNote note =
                profiles.updateNote(new ClientId(id), noteId, version, request.body() == null ? "" : request.body());
        return ResponseEntity.ok().eTag(Etags.of(note.version())).body(ProfileJson.Note.of(note));
    }

    @DeleteMapping("/notes/{noteId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a note")
    void removeNote(@PathVariable UUID id, @PathVariable UUID noteId) {
        profiles.removeNote(new ClientId(id), noteId);
    }

    private static ResponseEntity<ProfileJson.Profile> withEtag(ClientProfile profile) {
        return ResponseEntity.ok().eTag(Etags.of(profile.version())).body(ProfileJson.Profile.of(profile));
    }
}
