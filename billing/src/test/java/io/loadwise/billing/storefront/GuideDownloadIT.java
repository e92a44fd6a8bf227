package io.loadwise.billing.storefront;

import static io.loadwise.jooq.Tables.ENTITLEMENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadwise.billing.checkout.CheckoutOutcome;
import io.loadwise.billing.checkout.CheckoutService;
import io.loadwise.billing.delivery.GuideAccessEndedException;
import io.loadwise.billing.delivery.GuideDownloads;
import io.loadwise.billing.delivery.internal.DownloadTokens;
import io.loadwise.identity.Role;
import io.loadwise.jooq.tables.records.EntitlementsRecord;
import io.loadwise.shared.NotFoundException;
import io.loadwise.tenancy.Tenant;
import io.loadwise.testsupport.ActingAs;
import io.loadwise.testsupport.TestTenants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A buyer downloads her guide through a signed link, over HTTP without logging in: the PDF comes
 * stamped for her on every page and the download is counted; a tampered, expired or revoked link
 * gets a 403 page saying what happened and where a fresh link comes from.
 */
class GuideDownloadIT extends StorefrontTestBase {

    @Autowired
    GuideDownloads downloads;

    @Autowired
    CheckoutService checkout;

    @Autowired
    DownloadTokens tokens;

    @Autowired
    io.loadwise.commerce.DownloadLinks receiptLinks;

    @LocalServerPort
    int port;

    Tenant business;
    UUID guide;
    UUID user;
    UUID client;
    String email;
    String sessionId;
    StorefrontSeeds.PaidGuide purchase;

    @BeforeEach
    void jessBoughtTheTendonGuide() {
        String account = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        business = StorefrontSeeds.business("Stride <Coaching>", account, true);
        guide = StorefrontSeeds.guide(business, "Tendon Health: A Guide", 2900, "price_tendon", true);
        user = UUID.randomUUID();
        email = "jess-" + account + "@example.com";
        client = StorefrontSeeds.client(business, user, "Jess Doe", email);
        sessionId = "cs_test_paid_" + account;
        purchase = StorefrontSeeds.paidGuide(business, guide, client, "Jess Doe", email, sessionId);
    }

    @Test
    void the_success_page_gets_a_link_that_streams_the_guide_stamped_for_its_buyer_and_counts_it() throws Exception {
        CheckoutOutcome outcome = checkout.outcome(business.slug(), sessionId);
        assertThat(outcome.state()).isEqualTo(CheckoutOutcome.State.FULFILLED);
        assertThat(outcome.buyerEmail()).isEqualTo(email);
        assertThat(outcome.downloadUrl()).isNotNull();
        assertThat(outcome.downloadUrl().toString()).startsWith(PUBLIC_URL + GuideDownloads.PATH_PREFIX);

        HttpResponse<byte[]> response = get(outcome.downloadUrl());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"Tendon Health A Guide.pdf\"");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        PdfReader pdf = new PdfReader(response.body());
        assertThat(pdf.getNumberOfPages()).isEqualTo(3);
        PdfTextExtractor text = new PdfTextExtractor(pdf);
        for (int page = 1; page <= 3; page++) {
            assertThat(text.getTextFromPage(page).replaceAll("\\s+", " "))
                    .contains("Licensed to Jess Doe <" + email + ">")
                    .contains("Order " + purchase.orderId())
                    .contains("Stride <Coaching> — personal copy, please do not share");
        }
        assertThat(pdf.getInfo().get("Keywords")).contains(purchase.orderId().toString());

        EntitlementsRecord entitlement = entitlement();
        assertThat(entitlement.getDownloadCount()).isEqualTo(1);
        assertThat(entitlement.getLastDownloadAt()).isNotNull();

        assertThat(get(outcome.downloadUrl()).statusCode()).isEqualTo(200);
        assertThat(entitlement().getDownloadCount()).isEqualTo(2);
    }

    @Test
    void a_tampered_link_is_refused_with_a_page_that_reveals_nothing_and_nothing_is_counted() throws Exception {
        URI link = downloads.linkForOrder(business.id(), purchase.orderId()).orElseThrow();
        String token = link.getPath().substring(GuideDownloads.PATH_PREFIX.length());
        char first = token.charAt(0);
        String tampered = (first == 'A' ? 'B' : 'A') + token.substring(1);

        HttpResponse<String> response = getText(GuideDownloads.PATH_PREFIX + tampered);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body())
                .contains("This download link is not valid")
                .contains("href=\"" + PUBLIC_URL + GuideDownloads.PURCHASES_PAGE + "\"")
                .doesNotContain("Stride")
                .doesNotContain("example.com")
                .doesNotContain("Tendon");
        assertThat(getText(GuideDownloads.PATH_PREFIX + "not-a-token").statusCode())
                .isEqualTo(403);
        assertThat(entitlement().getDownloadCount()).isZero();
    }

    @Test
    void an_expired_link_says_whose_purchase_it_is_masked_and_where_to_get_a_fresh_one() throws Exception {
        String expired = tokens.issue(
                business.id(), purchase.entitlementId(), Instant.now().minusSeconds(60));

        HttpResponse<String> response = getText(GuideDownloads.PATH_PREFIX + expired);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body())
                .contains("This download link has expired")
                .contains("j***@example.com")
                .doesNotContain(email)
                .contains("Stride &lt;Coaching&gt;")
                .doesNotContain("<Coaching>")
                .contains("href=\"" + PUBLIC_URL + GuideDownloads.PURCHASES_PAGE + "\"");
        assertThat(entitlement().getDownloadCount()).isZero();
    }

    @Test
    void a_receipt_mail_gets_a_link_of_the_callers_lifetime_through_the_spi_and_a_refund_still_ends_it()
            throws Exception {
        Instant before = Instant.now();
        String mailed = receiptLinks
                .issue(business.id(), purchase.orderId(), java.time.Duration.ofDays(7))
                .orElseThrow();

        assertThat(mailed).startsWith(PUBLIC_URL + GuideDownloads.PATH_PREFIX);
        var verified = tokens.verify(mailed.substring(mailed.lastIndexOf('/') + 1), Instant.now());
        assertThat(verified)
                .isInstanceOfSatisfying(DownloadTokens.Verification.Valid.class, valid -> assertThat(valid.expiresAt())
                        .isAfter(before.plus(java.time.Duration.ofDays(7)).minusSeconds(5)));
        assertThat(get(URI.create(mailed)).statusCode()).isEqualTo(200);

        StorefrontSeeds.revoke(business, purchase.entitlementId());

        assertThat(getText(URI.create(mailed).getPath()).statusCode()).isEqualTo(403);
        assertThat(receiptLinks.issue(business.id(), purchase.orderId(), java.time.Duration.ofDays(7)))
                .isEmpty();
    }

    @Test
    void a_refunded_purchase_s_links_stop_working() throws Exception {
        URI link = downloads.linkForOrder(business.id(), purchase.orderId()).orElseThrow();
        StorefrontSeeds.revoke(business, purchase.entitlementId());

        HttpResponse<String> response = getText(link.getPath());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("no longer available").contains("refunded or disputed");
        assertThat(entitlement().getDownloadCount()).isZero();
        assertThat(downloads.linkForOrder(business.id(), purchase.orderId())).isEmpty();
        assertThatThrownBy(() -> ActingAs.call(
                        user, business.id(), Role.CLIENT, () -> downloads.linkFor(purchase.entitlementId())))
                .isInstanceOf(GuideAccessEndedException.class);
    }

    @Test
    void the_buyer_gets_a_fresh_link_from_her_portal_and_nobody_else_does() throws Exception {
        URI fresh = ActingAs.call(user, business.id(), Role.CLIENT, () -> downloads.linkFor(purchase.entitlementId()));
        assertThat(get(fresh).statusCode()).isEqualTo(200);

        UUID otherUser = UUID.randomUUID();
        StorefrontSeeds.client(business, otherUser, "Sam Roe", "sam-" + UUID.randomUUID() + "@example.com");
        assertThatThrownBy(() -> ActingAs.call(
                        otherUser, business.id(), Role.CLIENT, () -> downloads.linkFor(purchase.entitlementId())))
                .isInstanceOf(NotFoundException.class);
    }

    private HttpResponse<byte[]> get(URI publicLink) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(local(publicLink.getPath())).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> getText(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(local(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The link as mailed names the public address; the test's server is on localhost. */
    private URI local(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private EntitlementsRecord entitlement() {
        AtomicReference<EntitlementsRecord> found = new AtomicReference<>();
        TestTenants.seed(
                business.id(),
                db -> found.set(db.fetchSingle(ENTITLEMENTS, ENTITLEMENTS.ID.eq(purchase.entitlementId()))));
        return found.get();
    }
}
