package io.loadwise.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadwise.identity.IdentityProvisioning.ProvisionedTenant;
import io.loadwise.tenancy.TenantId;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.KeycloakTestData;
import io.loadwise.testsupport.TestInfrastructure;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Provisioning against a real Keycloak with the realm file imported, as the provisioning service
 * account: what a new coaching business and its invited people end up with in Keycloak.
 */
@IntegrationTest(keycloak = true)
class KeycloakIdentityProvisioningIT {

    static KeycloakTestData keycloak;

    @Autowired
    IdentityProvisioning provisioning;

    @Autowired
    JwtDecoder jwtDecoder;

    @BeforeAll
    static void adminClient() {
        keycloak = KeycloakTestData.of(TestInfrastructure.keycloak());
    }

    @AfterAll
    static void closeAdminClient() {
        keycloak.close();
    }

    @Test
    void a_new_tenant_is_an_organization_with_its_owner_as_coach() {
        String slug = unique("stride");
        String email = slug + "@owner.example";

        ProvisionedTenant tenant = provisioning.createTenant("Stride Coaching " + slug, slug, email, "Ruth Okafor");

        OrganizationRepresentation organization =
                realm().organizations().get(tenant.tenantId().toString()).toRepresentation();
        assertThat(organization.getId()).isEqualTo(tenant.tenantId().toString());
        assertThat(organization.getAlias()).isEqualTo(slug);
        assertThat(organization.getName()).isEqualTo("Stride Coaching " + slug);
        assertThat(organization.isEnabled()).isTrue();
        assertThat(members(tenant.tenantId()))
                .containsExactly(tenant.ownerUserId().toString());

        UserRepresentation owner =
                realm().users().get(tenant.ownerUserId().toString()).toRepresentation();
        assertThat(owner.getEmail()).isEqualTo(email);
        assertThat(owner.getUsername()).isEqualTo(email);
        assertThat(owner.getFirstName()).isEqualTo("Ruth");
        assertThat(owner.getLastName()).isEqualTo("Okafor");
        assertThat(owner.getRequiredActions()).containsExactlyInAnyOrder("UPDATE_PASSWORD", "VERIFY_EMAIL");
        assertThat(realmRoles(tenant.ownerUserId())).contains("coach").doesNotContain("client", "platform-admin");
    }

    @Test
    void an_invited_client_must_set_a_password_and_verify_the_email_and_joins_the_organization() {
        ProvisionedTenant tenant = newTenant();
        String email = unique("jess") + "@client.example";

        UUID client = provisioning.inviteUser(tenant.tenantId(), email, "Jess Moreno", Role.CLIENT);

        UserRepresentation user = realm().users().get(client.toString()).toRepresentation();
        assertThat(user.getEmail()).isEqualTo(email);
        assertThat(user.isEmailVerified()).isFalse();
        assertThat(user.getRequiredActions()).containsExactlyInAnyOrder("UPDATE_PASSWORD", "VERIFY_EMAIL");
        assertThat(realmRoles(client))
                .contains("client", "default-roles-loadwise")
                .doesNotContain("coach");
        assertThat(members(tenant.tenantId()))
                .containsExactlyInAnyOrder(tenant.ownerUserId().toString(), client.toString());
    }

    @Test
    void inviting_the_same_email_twice_reuses_the_account() {
        ProvisionedTenant tenant = newTenant();
        String email = unique("dan") + "@client.example";

        UUID first = provisioning.inviteUser(tenant.tenantId(), email, "Dan Whitaker", Role.CLIENT);
        UUID second = provisioning.inviteUser(tenant.tenantId(), email, "Dan Whitaker", Role.CLIENT);

        assertThat(second).isEqualTo(first);
        assertThat(realm().users().searchByEmail(email, true)).hasSize(1);
        assertThat(members(tenant.tenantId()))
                .filteredOn(first.toString()::equals)
                .hasSize(1);
    }

    @Test
    void a_coach_invited_by_a_second_business_keeps_one_account_in_both_organizations() {
        ProvisionedTenant stride = newTenant();
        ProvisionedTenant harbour = newTenant();
        String email = unique("sam") + "@coach.example";

        UUID atStride = provisioning.inviteUser(stride.tenantId(), email, "Sam Patel", Role.COACH);
        UUID atHarbour = provisioning.inviteUser(harbour.tenantId(), email, "Sam Patel", Role.COACH);

        assertThat(atHarbour).isEqualTo(atStride);
        assertThat(members(stride.tenantId())).contains(atStride.toString());
        assertThat(members(harbour.tenantId())).contains(atStride.toString());
    }

    @Test
    void a_name_with_characters_keycloak_refuses_still_gets_an_account() {
        ProvisionedTenant tenant = newTenant();
        String email = unique("html") + "@client.example";

        UUID user = provisioning.inviteUser(tenant.tenantId(), email, "Sam <i>Coach</i> (\"S\")", Role.COACH);

        UserRepresentation created = realm().users().get(user.toString()).toRepresentation();
        assertThat(created.getFirstName()).isEqualTo("Sam");
        assertThat(created.getLastName()).doesNotContain("<", ">", "(", "\"");
    }

    @Test
    void a_password_keycloaks_policy_refuses_is_reported_and_a_good_one_lets_the_user_log_in() {
        ProvisionedTenant tenant = newTenant();
        String email = unique("pw") + "@client.example";
        UUID user = provisioning.inviteUser(tenant.tenantId(), email, "Pat Password", Role.CLIENT);

        assertThatThrownBy(() -> provisioning.setPassword(user, "short"))
                .isInstanceOf(PasswordRejectedException.class)
                .hasMessageContaining("length");
        provisioning.setPassword(user, "long-enough-password");

        UserRepresentation after = realm().users().get(user.toString()).toRepresentation();
        assertThat(after.isEmailVerified()).isTrue();
        assertThat(after.getRequiredActions()).isEmpty();
        assertThat(TestInfrastructure.keycloak().tokenFor(email, "long-enough-password"))
                .isNotBlank();
    }

    @Test
    void a_removed_member_leaves_the_organization() {
        ProvisionedTenant tenant = newTenant();
        UUID coach =
                provisioning.inviteUser(tenant.tenantId(), unique("gone") + "@coach.example", "Gina Gone", Role.COACH);

        provisioning.removeFromTenant(tenant.tenantId(), coach);
        provisioning.removeFromTenant(tenant.tenantId(), coach);

        assertThat(members(tenant.tenantId())).doesNotContain(coach.toString());
    }

    @Test
    void once_the_invitation_is_completed_the_users_token_names_the_tenant() {
        ProvisionedTenant tenant = newTenant();
        String email = unique("priya") + "@client.example";
        UUID user = provisioning.inviteUser(tenant.tenantId(), email, "Priya Shah", Role.CLIENT);
        keycloak.completeInvitation(user.toString(), "first-login-password");

        String token = TestInfrastructure.keycloak().tokenFor(email, "first-login-password");

        // Decoded and verified exactly as the API does: signature, issuer, audience, expiry.
        Map<String, Object> claims = jwtDecoder.decode(token).getClaims();
        CurrentUser current = KeycloakClaims.currentUser(claims);
        assertThat(current.userId()).isEqualTo(user);
        assertThat(current.tenantId()).contains(tenant.tenantId());
        assertThat(current.roles()).containsExactly(Role.CLIENT);
        assertThat(current.email()).isEqualTo(email);
        assertThat(claims.get("tenant"))
                .isEqualTo(Map.of(
                        realm().organizations()
                                .get(tenant.tenantId().toString())
                                .toRepresentation()
                                .getAlias(),
                        Map.of("id", tenant.tenantId().toString())));
    }

    private ProvisionedTenant newTenant() {
        String slug = unique("biz");
        return provisioning.createTenant("Business " + slug, slug, slug + "@owner.example", "Owner " + slug);
    }

    private static RealmResource realm() {
        return keycloak.realm();
    }

    private static List<String> members(TenantId tenant) {
        return realm().organizations().get(tenant.toString()).members().list(0, 1000).stream()
                .map(MemberRepresentation::getId)
                .toList();
    }

    private static List<String> realmRoles(UUID user) {
        return realm().users().get(user.toString()).roles().realmLevel().listEffective().stream()
                .map(RoleRepresentation::getName)
                .toList();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
