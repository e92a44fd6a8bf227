package io.loadwise.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import io.loadwise.identity.KeycloakClaims;
import io.loadwise.identity.Role;
import io.loadwise.tenancy.TenantId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP calls to the API through the application's whole filter chain (JWT authentication, tenant
 * binding, method security, problem details), with the tokens Keycloak would issue: a member of a
 * business carries its id in the tenant claim, a platform admin carries none.
 */
public final class ApiCalls {

    private final MockMvc mvc;
    private final JsonMapper json = JsonMapper.builder().build();

    public ApiCalls(WebApplicationContext context) {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    /** A member's token: {@code sub} and realm role as Keycloak sets them, the business in the tenant claim. */
    public static RequestPostProcessor member(UUID user, Role role, @Nullable TenantId tenant) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", user.toString());
        claims.put("roles", List.of(role.realmRole()));
        if (tenant != null) {
            claims.put(KeycloakClaims.TENANT_CLAIM, Map.of("business", Map.of("id", tenant.toString())));
        }
        return jwt().jwt(j -> j.claims(c -> c.putAll(claims))).authorities(KeycloakClaims.authorities(claims));
    }

    public static RequestPostProcessor platformAdmin() {
        return member(UUID.randomUUID(), Role.PLATFORM_ADMIN, null);
    }

    public MockHttpServletResponse call(MockHttpServletRequestBuilder request, RequestPostProcessor who)
            throws Exception {
        return mvc.perform(request.with(who)).andReturn().getResponse();
    }

    public MockHttpServletResponse send(MockHttpServletRequestBuilder request, RequestPostProcessor who, Object body)
            throws Exception {
        return mvc.perform(request.with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body instanceof String text ? text : json.writeValueAsString(body)))
                .andReturn()
                .getResponse();
    }

    public JsonNode body(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString());
    }

    /** Asserts an RFC 9457 problem of {@code status} whose type ends with {@code slug}; answers it. */
    public JsonNode problem(MockHttpServletResponse response, int status, String slug) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = body(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).endsWith("/" + slug);
        assertThat(problem.get("title").asString()).isNotBlank();
        return problem;
    }

    /** As {@link #problem}, with a detail that says what was wrong. */
    public String detail(MockHttpServletResponse response, int status, String slug) throws Exception {
        JsonNode problem = problem(response, status, slug);
        assertThat(problem.hasNonNull("detail")).as(problem.toString()).isTrue();
        return problem.get("detail").asString();
    }
}
