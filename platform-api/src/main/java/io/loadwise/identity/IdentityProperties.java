package io.loadwise.identity;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Keycloak is and how Loadwise talks to it.
 *
 * @param url Keycloak's base URL as browsers and the app both reach it (tokens carry it as issuer)
 * @param realm the Loadwise realm
 * @param apiAudience the audience every API token must carry
 * @param uiClientId the OIDC client the Vaadin UI logs in with
 * @param uiClientSecret its secret (from the environment outside local runs)
 * @param provisioningClientId the service-account client that manages organizations and users
 * @param provisioningClientSecret its secret (from the environment outside local runs)
 */
@ConfigurationProperties("loadwise.identity")
public record IdentityProperties(
        @DefaultValue("http://localhost:8180") URI url,
        @DefaultValue("loadwise") String realm,
        @DefaultValue("loadwise-api") String apiAudience,
        @DefaultValue("loadwise-ui") String uiClientId,
        @DefaultValue("") String uiClientSecret,
        @DefaultValue("loadwise-provisioner") String provisioningClientId,
        @DefaultValue("") String provisioningClientSecret) {

    public String issuer() {
        return trimSlash(url.toString()) + "/realms/" + realm;
    }

    public String jwkSetUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    public String authorizationUri() {
        return issuer() + "/protocol/openid-connect/auth";
    }

    public String tokenUri() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public String userInfoUri() {
        return issuer() + "/protocol/openid-connect/userinfo";
    }

    public String endSessionUri() {
        return issuer() + "/protocol/openid-connect/logout";
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
