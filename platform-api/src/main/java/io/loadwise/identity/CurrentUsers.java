package io.loadwise.identity;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.ClaimAccessor;

/** Reads the {@link CurrentUser} from Spring Security's context, for the API and the UI alike. */
public final class CurrentUsers {

    private CurrentUsers() {}

    public static Optional<CurrentUser> current() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Optional<CurrentUser> from(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        // Jwt (API) and OidcUser (UI) both expose their verified claims as a ClaimAccessor.
        Object principal = authentication.getPrincipal();
        if (principal instanceof ClaimAccessor claims) {
            return Optional.of(KeycloakClaims.currentUser(claims.getClaims()));
        }
        if (authentication.getCredentials() instanceof ClaimAccessor claims) {
            return Optional.of(KeycloakClaims.currentUser(claims.getClaims()));
        }
        return Optional.empty();
    }

    public static CurrentUser require() {
        return current().orElseThrow(() -> new IllegalStateException("No authenticated user"));
    }
}
