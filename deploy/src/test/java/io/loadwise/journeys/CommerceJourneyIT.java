package io.loadwise.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import io.loadwise.app.Mails;
import io.loadwise.billing.catalog.Product;
import io.loadwise.billing.catalog.ProductDraft;
import io.loadwise.billing.catalog.ProductService;
import io.loadwise.billing.connect.PaymentAccountService;
import io.loadwise.billing.sandbox.StripeSandbox;
import io.loadwise.identity.Role;
import io.loadwise.local.DemoData;
import io.loadwise.testsupport.ActingAs;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestInfrastructure;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openpdf.text.Document;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfWriter;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 5's journey in a real browser, on the whole application with real PostgreSQL, Kafka,
 * Keycloak and SMTP, against the Stripe sandbox: a guest buys the Tendon Health Guide at Stride
 * Coaching's storefront, pays on the sandbox's checkout page, downloads the guide stamped with her
 * name, email and order id on every page, and gets the invite to create her account; and Jess, a
 * client, subscribes to 1:1 coaching and finds the subscription in her portal.
 *
 * <p>The server listens on a fixed free port that is also the public URL, since Stripe (here the
 * sandbox) sends the buyer back to the public URL's success page.
 */
// Its own Spring context: runs after the classes that share the cached ones (junit-platform.properties).
@Order(Integer.MAX_VALUE)
@IntegrationTest(keycloak = true, webEnvironment = WebEnvironment.DEFINED_PORT)
class CommerceJourneyIT {

    private static final int PORT = freePort();
    private static final String STOREFRONT = "/t/stride-coaching";
    private static final String GUIDE = "Tendon Health Guide";
    private static final String COACHING = "1:1 coaching";
    private static final int GUIDE_PAGES = 3;

    @RegisterExtension
    static final Browser browser = Browser.perTestClass();

    @Autowired
    PaymentAccountService payments;

    @Autowired
    ProductService products;

    Product guide;
    Product coaching;

    @DynamicPropertySource
    static void fixedPort(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("loadwise.stripe.public-url", () -> "http://localhost:" + PORT);
        registry.add("loadwise.notifications.public-url", () -> "http://localhost:" + PORT);
        // The application's own configuration names these (empty without environment variables),
        // which outranks the sandbox's test defaults; this journey's properties outrank both.
        registry.add("loadwise.stripe.api-base", () -> StripeSandbox.shared().url());
        registry.add("loadwise.stripe.platform-webhook-secret", () -> StripeSandbox.shared()
                .webhookSecret());
        registry.add("loadwise.stripe.connect-webhook-secret", () -> StripeSandbox.shared()
                .webhookSecret());
    }

    @BeforeAll
    static void patientAssertions() {
        // The first page of a fresh server (Vaadin's bundle, the sandbox) can take a while here.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    /** Stride as it is once Ruth finished Stripe onboarding and put her guide's PDF up. */
    @BeforeEach
    void strideSellsOnStripe(@Autowired ApplicationContext application) {
        DemoData.seedInto(application, TestInfrastructure.keycloak().url());
        ActingAs.run(DemoData.userId(1), DemoData.STRIDE, Role.COACH, () -> {
            if (!payments.current().canSell()) {
                payments.startOnboarding(
                        URI.create(app("/coach/payments?onboarding=return")),
                        URI.create(app("/coach/payments?onboarding=refresh")));
                StripeSandbox.shared().completeOnboarding(payments.current().stripeAccountId());
                payments.refresh();
            }
            guide = synced(GUIDE);
            if (!guide.hasGuideFile()) {
                guide = products.uploadGuide(guide.id(), "tendon-health-guide.pdf", guidePdf());
            }
            coaching = synced(COACHING);
        });
    }

    @Test
    void a_guest_buys_the_guide_in_the_sandbox_downloads_it_stamped_for_her_and_is_invited() throws Exception {
        String email = "mia-" + shortId() + "@example.com";
        String name = "Mia Lopez " + shortId();

        Page page = browser.newPage();
        page.navigate(app(STOREFRONT));
        assertThat(page.locator("#sandbox-badge")).hasText("Sandbox — test payments, no real money");
        assertThat(page.locator("#offer-" + guide.id() + " .offer-price")).hasText("$39.00");
        page.locator("#buy-" + guide.id()).click();

        // Stripe Checkout, as the sandbox serves it.
        page.waitForURL(url -> url.startsWith(StripeSandbox.shared().url()));
        assertThat(page.getByText("Stripe sandbox").first()).isVisible();
        Browser.keepScreenshot(page, "commerce-sandbox-checkout");
        page.locator("input[name=email]").fill(email);
        page.locator("input[name=name]").fill(name);
        page.locator("button[name=method][value=card]").click();

        // Back on the storefront's success page, which waits for the webhook.
        page.waitForURL(url -> url.startsWith(app(STOREFRONT + "/thanks?session_id=")));
        String sessionId = page.url().substring(page.url().indexOf("session_id=") + "session_id=".length());
        assertThat(page.locator("#sandbox-badge")).isVisible();
        assertThat(page.locator("#download-guide"))
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                        .setTimeout(60_000));
        assertThat(page.locator("#invite-sent")).containsText(email);
        Browser.keepScreenshot(page, "commerce-thanks-guide");

        String href = page.locator("#download-guide").getAttribute("href");
        APIResponse download = page.request().get(href);
        org.assertj.core.api.Assertions.assertThat(download.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(download.headers().get("content-type"))
                .startsWith("application/pdf");
        String orderId = StripeSandbox.shared()
                .object(sessionId)
                .getAsJsonObject("metadata")
                .get("loadwise_order")
                .getAsString();
        PdfReader pdf = new PdfReader(download.body());
        // The guide as uploaded (the demo's own PDF, or this journey's when there was none).
        org.assertj.core.api.Assertions.assertThat(pdf.getNumberOfPages()).isPositive();
        PdfTextExtractor text = new PdfTextExtractor(pdf);
        for (int number = 1; number <= pdf.getNumberOfPages(); number++) {
            org.assertj.core.api.Assertions.assertThat(text.getTextFromPage(number))
                    .as("page %d", number)
                    .contains(name)
                    .contains(email)
                    .contains(orderId);
        }

        // She gets a receipt and an invitation, in whichever order the mail worker sends them.
        List<MimeMessage> mails = await().atMost(Duration.ofSeconds(90))
                .until(() -> TestInfrastructure.mail().receivedFor(email), found -> found.stream()
                        .anyMatch(Mails::hasAccountLink));
        MimeMessage invite =
                mails.stream().filter(Mails::hasAccountLink).findFirst().orElseThrow();
        org.assertj.core.api.Assertions.assertThat(Mails.accountLinkToken(invite))
                .isNotBlank();
    }

    @Test
    void a_client_subscribes_to_coaching_and_her_portal_shows_the_subscription() {
        Page jess = browser.logIn(app("/"), "jess", DemoData.PASSWORD);
        Browser.arriveAt(jess, app(STOREFRONT + "/me"));

        jess.navigate(app(STOREFRONT));
        assertThat(jess.locator("#buy-" + coaching.id())).hasText("Subscribe");
        jess.locator("#buy-" + coaching.id()).click();
        jess.waitForURL(url -> url.startsWith(StripeSandbox.shared().url()));
        jess.locator("input[name=name]").fill("Jess Moreno");
        jess.locator("button[name=method][value=card]").click();

        jess.waitForURL(url -> url.startsWith(app(STOREFRONT + "/thanks?session_id=")));
        assertThat(jess.locator("#coaching-welcome"))
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                        .setTimeout(60_000));
        jess.locator("#go-to-portal").click();
        Browser.arriveAt(jess, app(STOREFRONT + "/me"));

        jess.locator("#portal-nav-purchases").click();
        Browser.arriveAt(jess, app(STOREFRONT + "/me/purchases"));
        assertThat(jess.locator(".purchase")
                        .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(COACHING)))
                .containsText(Pattern.compile("Active — renews on|Free trial until"));
        assertThat(jess.getByText("Manage subscription").first()).isVisible();
        Browser.keepScreenshot(jess, "commerce-portal-purchases");
    }

    /** The demo catalog entry, saved once more through the catalog so it is synced to Stripe. */
    private Product synced(String title) {
        Product product = products.products().stream()
                .filter(p -> p.title().equals(title))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No demo product " + title));
        if (product.stripePriceId() != null) {
            return product;
        }
        return products.update(
                product.id(),
                product.version(),
                new ProductDraft(
                        product.kind(),
                        product.title(),
                        product.summary(),
                        product.description(),
                        product.priceMinor(),
                        product.billingInterval(),
                        product.trialDays(),
                        product.pageCount(),
                        true,
                        product.position()));
    }

    private static byte[] guidePdf() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter.getInstance(document, out);
        document.open();
        for (int page = 1; page <= GUIDE_PAGES; page++) {
            if (page > 1) {
                document.newPage();
            }
            document.add(new Paragraph("Tendon Health Guide — page " + page));
        }
        document.close();
        return out.toByteArray();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String app(String path) {
        return "http://localhost:" + PORT + path;
    }
}
