package io.loadwise.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.tenancy.TenantId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Claims shaped exactly as Keycloak 26 issues them (see ADR 0002). */
class KeycloakClaimsTests {

    static final String STRIDE = "5f1e0c2a-3b7d-4c1e-9a8b-0d2f6e4a1b01";

    @Test
    void the_tenant_is_the_id_of_the_single_organization_in_the_token() {
        Map<String, Object> claims = Map.of("tenant", Map.of("stride-coaching", Map.of("id", STRIDE)));

        assertThat(KeycloakClaims.tenant(claims)).contains(TenantId.of(STRIDE));
    }

    @Test
    void no_tenant_when_the_claim_is_missing_ambiguous_or_malformed() {
        assertThat(KeycloakClaims.tenant(Map.of())).isEmpty();
        assertThat(KeycloakClaims.tenant(Map.of(
                        "tenant",
                        Map.of(
                                "a", Map.of("id", STRIDE),
                                "b", Map.of("id", "8c2d4e6f-1a3b-4c5d-8e7f-9a0b1c2d3e02")))))
                .isEmpty();
        assertThat(KeycloakClaims.tenant(Map.of("tenant", Map.of("a", Map.of("id", "not-a-uuid")))))
                .isEmpty();
        // The alias-only shape of the plain organization claim is not an id and is never used as one.
        assertThat(KeycloakClaims.tenant(Map.of("tenant", List.of("stride-coaching"))))
                .isEmpty();
    }

    @Test
    void realm_roles_come_from_the_access_token_or_the_id_token_and_unknown_roles_are_ignored() {
        Map<String, Object> access =
                Map.of("realm_access", Map.of("roles", List.of("coach", "offline_access", "default-roles-loadwise")));
        Map<String, Object> id = Map.of("roles", List.of("platform-admin"));

        assertThat(KeycloakClaims.roles(access)).containsExactly(Role.COACH);
        assertThat(KeycloakClaims.roles(id)).containsExactly(Role.PLATFORM_ADMIN);
        assertThat(KeycloakClaims.authorities(access))
                .extracting(Object::toString)
                .containsExactly("ROLE_COACH");
    }

    @Test
    void the_current_user_reads_subject_names_and_email() {
        CurrentUser user = KeycloakClaims.currentUser(Map.of(
                "sub", "a0000000-0000-4000-8000-000000000001",
                "preferred_username", "ruth",
                "email", "ruth@stride.example",
                "tenant", Map.of("stride-coaching", Map.of("id", STRIDE)),
                "realm_access", Map.of("roles", List.of("coach"))));

        assertThat(user.displayName()).isEqualTo("ruth");
        assertThat(user.email()).isEqualTo("ruth@stride.example");
        assertThat(user.tenantId()).contains(TenantId.of(STRIDE));
        assertThat(user.has(Role.COACH)).isTrue();
    }
}
