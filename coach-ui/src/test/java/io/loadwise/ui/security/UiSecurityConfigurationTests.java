package io.loadwise.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.identity.IdentityProperties;
import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

class UiSecurityConfigurationTests {

    static IdentityProperties identity(String secret) {
        return new IdentityProperties(
                URI.create("http://keycloak.test:8180/"),
                "loadwise",
                "loadwise-api",
                "loadwise-ui",
                secret,
                "loadwise-provisioner",
                "");
    }

    @Test
    void realm_roles_in_the_id_token_become_spring_roles_and_unknown_roles_are_ignored() {
        OidcIdToken idToken = new OidcIdToken(
                "t",
                Instant.now(),
                Instant.now().plusSeconds(60),
                Map.of("sub", "u", "roles", List.of("coach", "offline_access", "default-roles-loadwise")));

        Collection<? extends GrantedAuthority> mapped =
                UiSecurityConfiguration.keycloakRoles().mapAuthorities(List.of(new OidcUserAuthority(idToken)));

        assertThat(mapped)
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("OIDC_USER", "ROLE_COACH");
    }

    @Test
    void realm_access_roles_from_userinfo_count_too() {
        OidcIdToken idToken = new OidcIdToken("t", Instant.now(), Instant.now().plusSeconds(60), Map.of("sub", "u"));
        var userInfo = new org.springframework.security.oauth2.core.oidc.OidcUserInfo(
                Map.of("sub", "u", "realm_access", Map.of("roles", List.of("platform-admin"))));

        Collection<? extends GrantedAuthority> mapped = UiSecurityConfiguration.keycloakRoles()
                .mapAuthorities(List.of(new OidcUserAuthority(idToken, userInfo), new SimpleGrantedAuthority("X")));

        assertThat(mapped).extracting(GrantedAuthority::getAuthority).contains("ROLE_PLATFORM_ADMIN", "X");
    }

    @Test
    void the_registration_needs_no_discovery_and_knows_where_logout_is() {
        ClientRegistration keycloak = UiSecurityConfiguration.keycloak(identity("s3cret"));

        assertThat(keycloak.getRegistrationId()).isEqualTo("keycloak");
        assertThat(keycloak.getScopes()).containsExactlyInAnyOrder("openid", "profile", "email", "organization");
        assertThat(keycloak.getProviderDetails().getAuthorizationUri())
                .isEqualTo("http://keycloak.test:8180/realms/loadwise/protocol/openid-connect/auth");
        assertThat(keycloak.getProviderDetails().getJwkSetUri())
                .isEqualTo("http://keycloak.test:8180/realms/loadwise/protocol/openid-connect/certs");
        assertThat(keycloak.getProviderDetails().getConfigurationMetadata())
                .containsEntry(
                        "end_session_endpoint",
                        "http://keycloak.test:8180/realms/loadwise/protocol/openid-connect/logout");
        assertThat(keycloak.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
    }

    @Test
    void without_a_secret_the_ui_logs_in_as_a_public_client() {
        ClientRegistration keycloak = UiSecurityConfiguration.keycloak(identity(""));

        assertThat(keycloak.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.NONE);
        assertThat(keycloak.getClientSecret()).isEmpty();
    }
}
