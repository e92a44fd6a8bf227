package io.loadwise.billing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.model.Account;
import com.stripe.net.Webhook;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox retries a webhook the app did not acknowledge, as Stripe does (seconds apart here):
 * an app that answered 500 or was not listening still gets the event once it works.
 */
class WebhookRetriesTests {

    /** Fast, but far enough apart that a test can act between two attempts. */
    static final WebhookRetries QUICK = new WebhookRetries(4, Duration.ofMillis(200));

    StripeSandbox sandbox;
    StripeClient stripe;

    @Nullable
    HttpServer receiver;
    /** The statuses the receiver answers, in turn; 200 once they are used up. */
    final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
    /** Event ids of the webhooks the receiver took (signature verified). */
    final List<String> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.stop(0);
        }
        sandbox.close();
    }

    @Test
    void an_event_the_endpoint_answered_500_arrives_on_the_retry() throws Exception {
        start(QUICK);
        int port = listen(0);
        answers.add(500);
        register(port);

        String account = onboardedAccount();

        DeliveredEvent acknowledged = sandbox.awaitDelivered("account.updated", account);
        assertThat(acknowledged.attempt()).isEqualTo(2);
        assertThat(attempts(account)).extracting(DeliveredEvent::status).containsExactly(500, 200);
        assertThat(received).containsExactly(acknowledged.id());
        sandbox.awaitDeliveries();
        assertThat(attempts(account))
                .as("an acknowledged event is not sent again")
                .hasSize(2);
    }

    @Test
    void an_event_sent_while_the_app_was_down_arrives_once_it_listens() throws Exception {
        start(QUICK);
        int port = freePort();
        register(port);

        String account = onboardedAccount();
        sandbox.awaitDelivered(
                e -> e.type().equals("account.updated") && account.equals(e.objectId()), Duration.ofSeconds(10));
        assertThat(attempts(account).getFirst().status()).as("nobody listening").isZero();
        listen(port);

        DeliveredEvent acknowledged = sandbox.awaitDelivered("account.updated", account);
        assertThat(acknowledged.attempt()).isGreaterThan(1);
        assertThat(received).containsExactly(acknowledged.id());
    }

    @Test
    void the_sandbox_gives_up_after_the_configured_attempts() throws Exception {
        start(new WebhookRetries(3, Duration.ofMillis(50)));
        int port = listen(0);
        answers.addAll(List.of(503, 503, 503, 503, 503));
        register(port);

        String account = onboardedAccount();
        sandbox.awaitDeliveries();

        assertThat(attempts(account))
                .extracting(DeliveredEvent::attempt, DeliveredEvent::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, 503),
                        org.assertj.core.groups.Tuple.tuple(2, 503),
                        org.assertj.core.groups.Tuple.tuple(3, 503));
        assertThat(received).isEmpty();
    }

    private void start(WebhookRetries retries) {
        sandbox = StripeSandbox.start(0, retries);
        stripe = StripeClient.builder()
                .setApiKey("sk_test_sandbox")
                .setApiBase(sandbox.url())
                .setConnectBase(sandbox.url())
                .build();
    }

    /** A Connect endpoint on {@code port}, for every event. */
    private void register(int port) throws Exception {
        stripe.v1()
                .webhookEndpoints()
                .create(WebhookEndpointCreateParams.builder()
                        .setUrl("http://127.0.0.1:" + port + "/hooks")
                        .setConnect(true)
                        .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.ALL)
                        .build());
    }

    /** Starts the receiver on {@code port} (0: any free one). @return its port */
    private int listen(int port) throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        receiver.createContext("/hooks", exchange -> {
            String payload = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Integer status = answers.poll();
            if (status == null) {
                try {
                    received.add(Webhook.constructEvent(
                                    payload,
                                    exchange.getRequestHeaders().getFirst("Stripe-Signature"),
                                    sandbox.webhookSecret(),
                                    300)
                            .getId());
                    status = 200;
                } catch (Exception e) {
                    status = 400;
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        return receiver.getAddress().getPort();
    }

    private String onboardedAccount() throws Exception {
        Account account = stripe.v1()
                .accounts()
                .create(AccountCreateParams.builder()
                        .setType(AccountCreateParams.Type.STANDARD)
                        .setCountry("DE")
                        .build());
        sandbox.completeOnboarding(account.getId());
        return account.getId();
    }

    /** Every attempt to post the account's {@code account.updated}, oldest first. */
    private List<DeliveredEvent> attempts(String account) {
        return sandbox.deliveredEvents().stream()
                .filter(e -> e.type().equals("account.updated") && account.equals(e.objectId()))
                .toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
