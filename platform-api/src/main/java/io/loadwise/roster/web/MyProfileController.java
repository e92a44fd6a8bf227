package io.loadwise.roster.web;

import io.loadwise.roster.ClientProfileService;
import io.loadwise.roster.OwnProfile;
import io.loadwise.web.Etags;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in client's own profile and her consent to sensitive data. */
@RestController
@RequestMapping("/api/v1/me")
class MyProfileController {

    private final ClientProfileService profiles;

    MyProfileController(ClientProfileService profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/profile")
    @Operation(summary = "The signed-in client's own profile, with its ETag")
    ResponseEntity<ProfileJson.OwnProfileView> profile() {
        return withEtag(profiles.ownProfile());
    }

    @PutMapping("/profile")
    @Operation(
            summary = "Replace the signed-in client's own profile (If-Match required)",
            description = "Name, goal, age group, weekly volume, races, and the menopausal status once she has"
                    + " consented to it (409 otherwise).")
    ResponseEntity<ProfileJson.OwnProfileView> update(
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody ProfileJson.OwnProfileUpdate request) {
        int version = Etags.requireVersion(ifMatch);
        return withEtag(profiles.updateOwnProfile(version, request.toChanges()));
    }

    @GetMapping("/consents/menopausal-status")
    @Operation(
            summary = "Whether the signed-in client consents to her menopausal status being recorded, and the"
                    + " wording she agrees to")
    ProfileJson.Consent consent() {
        return ProfileJson.Consent.of(profiles.ownProfile().menopausalStatusConsent());
    }

    @PostMapping("/consents/menopausal-status")
    @Operation(summary = "Consent to the menopausal status being recorded (the wording shown is stored with it)")
    ProfileJson.Consent grant() {
        return ProfileJson.Consent.of(profiles.grantMenopausalStatusConsent());
    }

    @DeleteMapping("/consents/menopausal-status")
    @Operation(
            summary = "Withdraw the consent to the menopausal status being recorded",
            description = "Deletes the recorded status; the consent stays on record with the time of withdrawal.")
    ProfileJson.Consent withdraw() {
        return ProfileJson.Consent.of(profiles.withdrawMenopausalStatusConsent());
    }

    private static ResponseEntity<ProfileJson.OwnProfileView> withEtag(OwnProfile profile) {
        return ResponseEntity.ok().eTag(Etags.of(profile.version())).body(ProfileJson.OwnProfileView.of(profile));
    }
}
