package io.loadwise.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.loadwise.identity.CurrentUser;
import io.loadwise.identity.KeycloakClaims;
import io.loadwise.identity.Role;
import io.loadwise.testsupport.KeycloakServer;
import io.loadwise.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

/** The demo logins printed by the local run work against a Keycloak with the realm file imported. */
class DemoIdentitiesIT {

    final KeycloakServer keycloak = TestInfrastructure.keycloak();

    @Test
    void seeding_twice_gives_working_demo_logins_with_their_tenant_and_role() throws Exception {
        DemoIdentities.seed(keycloak.url());
        DemoIdentities.seed(keycloak.url());

        CurrentUser ruth = login("ruth");
        assertThat(ruth.userId()).isEqualTo(DemoData.userId(1));
        assertThat(ruth.tenantId()).contains(DemoData.STRIDE);
        assertThat(ruth.roles()).containsExactly(Role.COACH);

        CurrentUser jess = login("jess");
        assertThat(jess.tenantId()).contains(DemoData.STRIDE);
        assertThat(jess.roles()).containsExactly(Role.CLIENT);

        CurrentUser hana = login("hana");
        assertThat(hana.tenantId()).contains(DemoData.HARBOUR);

        CurrentUser admin = login("admin");
        assertThat(admin.tenantId()).isEmpty();
        assertThat(admin.roles()).containsExactly(Role.PLATFORM_ADMIN);
    }

    private CurrentUser login(String username) throws Exception {
        String token = keycloak.tokenFor(username, DemoData.PASSWORD);
        return KeycloakClaims.currentUser(
                SignedJWT.parse(token).getJWTClaimsSet().getClaims());
    }
}
