package io.loadwise.billing.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import io.loadwise.billing.BillingIntegrationTest;
import io.loadwise.identity.KeycloakClaims;
import io.loadwise.identity.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog and payments API as clients see it: problem details that name what is wrong,
 * ETag/If-Match, uploads, public covers, and who may do what.
 */
class ProductsApiIT extends BillingIntegrationTest {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;
    final JsonMapper json = JsonMapper.builder().build();
    Business business;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        business = business("API coach");
    }

    @Test
    void a_product_that_cannot_be_saved_gets_a_problem_naming_each_field() throws Exception {
        Map<String, Object> bad = new HashMap<>(guide());
        bad.put("title", "");
        bad.put("priceMinor", 10);
        bad.put("trialDays", 14);

        MockHttpServletResponse refused = send(post("/api/v1/products"), coach(), bad);

        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(refused.getContentAsString());
        assertThat(problem.get("type").asString()).isEqualTo("https://loadwise.io/problems/invalid-product");
        assertThat(fields(problem)).containsExactly("title", "priceMinor", "trialDays");

        Map<String, Object> unknownKind = new HashMap<>(guide());
        unknownKind.put("kind", "ebook");
        JsonNode kind = json.readTree(
                send(post("/api/v1/products"), coach(), unknownKind).getContentAsString());
        assertThat(fields(kind)).containsExactly("kind");
    }

    @Test
    void edits_need_the_current_etag() throws Exception {
        MockHttpServletResponse created = send(post("/api/v1/products"), coach(), guide());
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        assertThat(created.getHeader("ETag")).isEqualTo("\"0\"");
        String id = json.readTree(created.getContentAsString()).get("id").asString();
        assertThat(json.readTree(created.getContentAsString()).get("synced").asBoolean())
                .isFalse();

        assertThat(send(put("/api/v1/products/" + id), coach(), guide()).getStatus())
                .isEqualTo(428);
        MockHttpServletResponse stale =
                send(put("/api/v1/products/" + id).header("If-Match", "\"7\""), coach(), guide());
        assertThat(stale.getStatus()).isEqualTo(412);
        assertThat(json.readTree(stale.getContentAsString()).get("type").asString())
                .endsWith("/stale-version");
        MockHttpServletResponse saved =
                send(put("/api/v1/products/" + id).header("If-Match", "\"0\""), coach(), guide());
        assertThat(saved.getStatus()).isEqualTo(200);
        assertThat(saved.getHeader("ETag")).isEqualTo("\"1\"");
        assertThat(mvc.perform(get("/api/v1/products/" + id).with(coach()))
                        .andReturn()
                        .getResponse()
                        .getHeader("ETag"))
                .isEqualTo("\"1\"");
        assertThat(mvc.perform(get("/api/v1/products/" + UUID.randomUUID()).with(coach()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void uploads_are_checked_and_covers_are_public_with_caching() throws Exception {
        String id = json.readTree(
                        send(post("/api/v1/products"), coach(), guide()).getContentAsString())
                .get("id")
                .asString();

        MockHttpServletResponse notPdf = mvc.perform(put("/api/v1/products/" + id + "/guide")
                        .with(coach())
                        .contentType(MediaType.APPLICATION_PDF)
                        .content("hello".getBytes()))
                .andReturn()
                .getResponse();
        assertThat(notPdf.getStatus()).isEqualTo(415);
        assertThat(json.readTree(notPdf.getContentAsString()).get("detail").asString())
                .contains("must be a PDF");

        MockHttpServletResponse pdf = mvc.perform(multipart("/api/v1/products/" + id + "/guide")
                        .file(new MockMultipartFile("file", "tendon.pdf", "application/pdf", TestFiles.pdf(4)))
                        .with(r -> {
                            r.setMethod("PUT");
                            return r;
                        })
                        .with(coach()))
                .andReturn()
                .getResponse();
        assertThat(pdf.getStatus()).as(pdf.getContentAsString()).isEqualTo(200);
        assertThat(json.readTree(pdf.getContentAsString()).get("pageCount").asInt())
                .isEqualTo(4);

        MockHttpServletResponse gif = mvc.perform(put("/api/v1/products/" + id + "/cover")
                        .with(coach())
                        .contentType(MediaType.IMAGE_PNG)
                        .content("GIF89a....".getBytes()))
                .andReturn()
                .getResponse();
        assertThat(gif.getStatus()).isEqualTo(415);
        MockHttpServletResponse cover = mvc.perform(put("/api/v1/products/" + id + "/cover")
                        .with(coach())
                        .contentType(MediaType.IMAGE_PNG)
                        .content(TestFiles.PNG))
                .andReturn()
                .getResponse();
        assertThat(cover.getStatus()).isEqualTo(200);
        String coverUrl =
                json.readTree(cover.getContentAsString()).get("coverUrl").asString();
        assertThat(coverUrl).startsWith("/offer-covers/" + business.id() + "/" + id);

        MockHttpServletResponse image = mvc.perform(get(coverUrl)).andReturn().getResponse();
        assertThat(image.getStatus()).isEqualTo(200);
        assertThat(image.getContentType()).isEqualTo("image/png");
        assertThat(image.getHeader("Cache-Control")).contains("max-age=86400").contains("public");
        assertThat(image.getContentAsByteArray()).isEqualTo(TestFiles.PNG);
        assertThat(mvc.perform(get(coverUrl).header("If-None-Match", image.getHeader("ETag")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(304);
        assertThat(mvc.perform(get("/offer-covers/" + business.id() + "/" + UUID.randomUUID()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void promotion_codes_get_problems_for_bad_input_and_conflicts() throws Exception {
        MockHttpServletResponse bad =
                send(post("/api/v1/products/promotion-codes"), coach(), Map.of("code", "a b", "percentOff", 120));
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(fields(json.readTree(bad.getContentAsString()))).containsExactly("code", "percentOff");

        Map<String, Object> welcome = Map.of("code", "welcome10", "percentOff", 10);
        MockHttpServletResponse created = send(post("/api/v1/products/promotion-codes"), coach(), welcome);
        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(json.readTree(created.getContentAsString()).get("code").asString())
                .isEqualTo("WELCOME10");
        assertThat(send(post("/api/v1/products/promotion-codes"), coach(), welcome)
                        .getStatus())
                .isEqualTo(409);
        assertThat(mvc.perform(get("/api/v1/products/promotion-codes").with(coach()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("WELCOME10");
    }

    @Test
    void the_payment_account_is_read_by_coaches_and_its_fee_set_by_platform_admins() throws Exception {
        MockHttpServletResponse account = mvc.perform(
                        get("/api/v1/payments/account").with(coach()))
                .andReturn()
                .getResponse();
        assertThat(account.getStatus()).isEqualTo(200);
        assertThat(json.readTree(account.getContentAsString()).get("canSell").asBoolean())
                .isFalse();

        String feePath = "/api/v1/admin/tenants/" + business.id() + "/platform-fee";
        Map<String, Object> fee = Map.of("basisPoints", 300, "fixedMinor", 25, "reason", "Standard rate from launch");
        assertThat(send(put(feePath), coach(), fee).getStatus()).isEqualTo(403);
        MockHttpServletResponse tooHigh = send(
                put(feePath), admin(), Map.of("basisPoints", 6000, "fixedMinor", 0, "reason", "Testing the limit"));
        assertThat(tooHigh.getStatus()).isEqualTo(400);
        assertThat(json.readTree(tooHigh.getContentAsString()).get("detail").asString())
                .contains("50 %");
        MockHttpServletResponse noReason = send(put(feePath), admin(), Map.of("basisPoints", 300, "fixedMinor", 0));
        assertThat(noReason.getStatus()).isEqualTo(400);
        MockHttpServletResponse set = send(put(feePath), admin(), fee);
        assertThat(set.getStatus()).as(set.getContentAsString()).isEqualTo(200);
        assertThat(json.readTree(set.getContentAsString())
                        .get("platformFee")
                        .get("basisPoints")
                        .asInt())
                .isEqualTo(300);

        MockHttpServletResponse foreign =
                send(post("/api/v1/payments/onboarding"), owner(), Map.of("returnUrl", "https://evil.example/steal"));
        assertThat(foreign.getStatus()).isEqualTo(400);
        assertThat(json.readTree(foreign.getContentAsString()).get("detail").asString())
                .contains("must be pages of");
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, RequestPostProcessor who, Object body)
            throws Exception {
        return mvc.perform(request.with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andReturn()
                .getResponse();
    }

    private RequestPostProcessor coach() {
        return member(business.coach(), Role.COACH, business.id().toString());
    }

    private RequestPostProcessor owner() {
        return member(business.owner(), Role.COACH, business.id().toString());
    }

    private RequestPostProcessor admin() {
        return member(UUID.randomUUID(), Role.PLATFORM_ADMIN, null);
    }

    private static RequestPostProcessor member(UUID user, Role role, @Nullable String tenant) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", user.toString());
        claims.put("roles", List.of(role.realmRole()));
        if (tenant != null) {
            claims.put(KeycloakClaims.TENANT_CLAIM, Map.of("business", Map.of("id", tenant)));
        }
        return jwt().jwt(j -> j.claims(c -> c.putAll(claims))).authorities(KeycloakClaims.authorities(claims));
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    private static Map<String, Object> guide() {
        return Map.of(
                "kind", "guide",
                "title", "Tendon Health Guide",
                "summary", "Rehab progressions",
                "priceMinor", 3900,
                "position", 1);
    }
}
