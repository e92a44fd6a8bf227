/**
 * The Stripe sandbox: a local Stripe for tests and the local run ({@link
 * io.loadwise.billing.sandbox.StripeSandbox}).
 *
 * <p>In a Spring test the app already points at {@link io.loadwise.billing.sandbox.StripeSandbox#shared()}
 * (see {@link io.loadwise.billing.sandbox.SandboxContextCustomizerFactory}). Typical use:
 *
 * <ol>
 *   <li>Create objects through the app (stripe-java), e.g. a connected account, then
 *       {@code completeOnboarding(accountId)}.
 *   <li>Start a checkout through the app, then {@code payCheckout(sessionId, email, name)} (or
 *       {@code payCheckoutDelayed} + {@code succeedAsyncPayment}/{@code failAsyncPayment},
 *       {@code declineCheckout}, {@code expireCheckout}).
 *   <li>Later: {@code renew}, {@code failRenewal}, {@code cancel}, {@code cancelAtPeriodEnd},
 *       {@code openDispute}, {@code closeDispute}.
 * </ol>
 *
 * <p>Webhooks reach the app only where it listens: with {@code webEnvironment = RANDOM_PORT} the
 * app registers its endpoints at start and {@code awaitDelivered(type, objectId)} waits until the
 * app acknowledged one. In a MOCK web environment nothing is delivered; take the events from
 * {@code events()} and hand them to the endpoint yourself, signed with
 * {@link io.loadwise.billing.sandbox.StripeSignatures#sign} and {@code webhookSecret()}.
 *
 * <p>A webhook the app does not acknowledge (not 2xx, or not listening) is retried like Stripe does,
 * but seconds apart ({@link io.loadwise.billing.sandbox.WebhookRetries}; every attempt is in
 * {@code deliveredEvents()} with its number and the app's answer).
 *
 * <p>What it is not: one webhook secret for all endpoints, coupons apply to the first invoice only,
 * no taxes, no payouts or balances.
 */
package io.loadwise.billing.sandbox;
