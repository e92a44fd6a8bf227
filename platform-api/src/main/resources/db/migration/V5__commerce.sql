-- Loadwise schema, part 5: commerce. Each coaching business sells through its own Stripe
-- connected account (direct charges, platform application fee); orders and entitlements are
-- derived from Stripe's webhooks, re-fetching each object, so duplicates and reordering are
-- harmless. Amounts are integer minor units with an ISO currency. docs/adr/0009-commerce.md.

-- A tenant's connected account and the platform's fee on its sales. Readable by everyone, like
-- tenants: a Connect webhook names only the Stripe account, and the tenant has to be found from it
-- before any tenant is bound. Writes stay inside the tenant.
CREATE TABLE payment_accounts (
    tenant_id          uuid         NOT NULL,
    stripe_account_id  varchar(64),
    charges_enabled    boolean      NOT NULL DEFAULT false,
    payouts_enabled    boolean      NOT NULL DEFAULT false,
    details_submitted  boolean      NOT NULL DEFAULT false,
    requirements_due   varchar(2000),
    livemode           boolean      NOT NULL DEFAULT false,
    -- The platform fee: basis points of each charge (250 = 2.5 %) plus a fixed amount per charge.
    fee_basis_points   integer      NOT NULL DEFAULT 0,
    fee_fixed_minor    bigint       NOT NULL DEFAULT 0,
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL,
    version            integer      NOT NULL DEFAULT 0,
    CONSTRAINT payment_accounts_pkey PRIMARY KEY (tenant_id),
    CONSTRAINT payment_accounts_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    -- One Stripe account belongs to one business: the routing key of Connect webhooks.
    CONSTRAINT payment_accounts_stripe_account_key UNIQUE (stripe_account_id),
    CONSTRAINT payment_accounts_fee_range CHECK (fee_basis_points BETWEEN 0 AND 5000 AND fee_fixed_minor >= 0)
);

-- The catalog grows from issue 1's offers: descriptions, guide details, trials, and the ids of the
-- product and price on the connected account once synced.
ALTER TABLE offers
    ADD COLUMN description        varchar(10000),
    ADD COLUMN page_count         integer,
    ADD COLUMN trial_days         integer,
    ADD COLUMN stripe_product_id  varchar(64),
    ADD COLUMN stripe_price_id    varchar(64),
    ADD COLUMN synced_at          timestamptz,
    ADD COLUMN updated_at         timestamptz,
    ADD COLUMN version            integer NOT NULL DEFAULT 0,
    ADD CONSTRAINT offers_page_count_positive CHECK (page_count IS NULL OR page_count > 0),
    ADD CONSTRAINT offers_trial_days_range CHECK (trial_days IS NULL OR (trial_days BETWEEN 1 AND 730 AND kind = 'coaching'));

-- A guide's PDF and an offer's cover image. Kept in PostgreSQL (guides are a few MB): one backup,
-- one transaction, and row level security like every other tenant row.
CREATE TABLE offer_files (
    tenant_id     uuid          NOT NULL,
    offer_id      uuid          NOT NULL,
    purpose       varchar(16)   NOT NULL,
    file_name     varchar(255)  NOT NULL,
    content_type  varchar(100)  NOT NULL,
    size_bytes    integer       NOT NULL,
    sha256        char(64)      NOT NULL,
    content       bytea         NOT NULL,
    uploaded_at   timestamptz   NOT NULL,
    CONSTRAINT offer_files_pkey PRIMARY KEY (tenant_id, offer_id, purpose),
    CONSTRAINT offer_files_offer_fkey FOREIGN KEY (tenant_id, offer_id) REFERENCES offers (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT offer_files_purpose_valid CHECK (purpose IN ('guide_pdf', 'cover'))
);

-- Promotion codes a business hands out; mirrored as coupon + promotion code on its account.
CREATE TABLE promotion_codes (
    tenant_id                  uuid         NOT NULL,
    id                         uuid         NOT NULL,
    code                       varchar(40)  NOT NULL,
    percent_off                integer,
    amount_off_minor           bigint,
    currency                   char(3),
    max_redemptions            integer,
    expires_at                 timestamptz,
    active                     boolean      NOT NULL DEFAULT true,
    stripe_coupon_id           varchar(64),
    stripe_promotion_code_id   varchar(64),
    created_at                 timestamptz  NOT NULL,
    CONSTRAINT promotion_codes_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT promotion_codes_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT promotion_codes_code_key UNIQUE (tenant_id, code),
    CONSTRAINT promotion_codes_code_format CHECK (code ~ '^[A-Z0-9_-]{3,40}$'),
    CONSTRAINT promotion_codes_one_discount CHECK (
        (percent_off BETWEEN 1 AND 100 AND amount_off_minor IS NULL AND currency IS NULL)
        OR (percent_off IS NULL AND amount_off_minor > 0 AND currency ~ '^[A-Z]{3}$')),
    CONSTRAINT promotion_codes_max_positive CHECK (max_redemptions IS NULL OR max_redemptions > 0)
);

-- Coaching subscriptions, mirroring the Stripe subscription on the connected account.
CREATE TABLE subscriptions (
    tenant_id               uuid         NOT NULL,
    id                      uuid         NOT NULL,
    stripe_subscription_id  varchar(64)  NOT NULL,
    stripe_customer_id      varchar(64)  NOT NULL,
    client_id               uuid         NOT NULL,
    offer_id                uuid,
    status                  varchar(24)  NOT NULL,
    amount_minor            bigint       NOT NULL,
    currency                char(3)      NOT NULL,
    billing_interval        varchar(16)  NOT NULL,
    cancel_at_period_end    boolean      NOT NULL DEFAULT false,
    current_period_end      timestamptz,
    trial_end               timestamptz,
    started_at              timestamptz  NOT NULL,
    canceled_at             timestamptz,
    ended_at                timestamptz,
    updated_at              timestamptz  NOT NULL,
    version                 integer      NOT NULL DEFAULT 0,
    CONSTRAINT subscriptions_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT subscriptions_client_fkey FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id),
    CONSTRAINT subscriptions_stripe_key UNIQUE (tenant_id, stripe_subscription_id),
    CONSTRAINT subscriptions_status_valid CHECK (status IN
        ('incomplete', 'incomplete_expired', 'trialing', 'active', 'past_due', 'unpaid', 'paused', 'canceled'))
);
CREATE INDEX subscriptions_by_client_idx ON subscriptions (tenant_id, client_id);
CREATE INDEX subscriptions_by_status_idx ON subscriptions (tenant_id, status);

-- The order ledger: one row per checkout session (one-time purchases and a subscription's first
-- payment) or per renewal invoice. Amounts as Stripe reports them, in minor units.
CREATE TABLE orders (
    tenant_id                   uuid          NOT NULL,
    id                          uuid          NOT NULL,
    offer_id                    uuid,
    kind                        varchar(16)   NOT NULL,
    client_id                   uuid,
    buyer_email                 varchar(320)  NOT NULL,
    buyer_name                  varchar(200),
    status                      varchar(24)   NOT NULL,
    currency                    char(3)       NOT NULL,
    amount_subtotal_minor       bigint        NOT NULL DEFAULT 0,
    discount_minor              bigint        NOT NULL DEFAULT 0,
    tax_minor                   bigint        NOT NULL DEFAULT 0,
    amount_total_minor          bigint        NOT NULL DEFAULT 0,
    application_fee_minor       bigint        NOT NULL DEFAULT 0,
    refunded_minor              bigint        NOT NULL DEFAULT 0,
    stripe_checkout_session_id  varchar(255),
    stripe_payment_intent_id    varchar(64),
    stripe_charge_id            varchar(64),
    stripe_invoice_id           varchar(64),
    stripe_subscription_id      varchar(64),
    livemode                    boolean       NOT NULL DEFAULT false,
    review_reason               varchar(500),
    created_at                  timestamptz   NOT NULL,
    paid_at                     timestamptz,
    updated_at                  timestamptz   NOT NULL,
    version                     integer       NOT NULL DEFAULT 0,
    CONSTRAINT orders_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT orders_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT orders_client_fkey FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id),
    CONSTRAINT orders_checkout_session_key UNIQUE (tenant_id, stripe_checkout_session_id),
    CONSTRAINT orders_invoice_key UNIQUE (tenant_id, stripe_invoice_id),
    CONSTRAINT orders_kind_valid CHECK (kind IN ('guide', 'custom_plan', 'coaching')),
    -- pending: checkout open or payment processing; review: paid, but not what the catalog says.
    CONSTRAINT orders_status_valid CHECK (status IN
        ('pending', 'paid', 'failed', 'expired', 'review', 'partially_refunded', 'refunded', 'disputed', 'dispute_lost')),
    CONSTRAINT orders_amounts_valid CHECK (amount_total_minor >= 0 AND refunded_minor >= 0
        AND refunded_minor <= amount_total_minor AND application_fee_minor >= 0),
    CONSTRAINT orders_buyer_email_normalized CHECK (buyer_email = lower(buyer_email))
);
CREATE INDEX orders_by_created_idx ON orders (tenant_id, created_at DESC, id);
CREATE INDEX orders_by_client_idx ON orders (tenant_id, client_id);
CREATE INDEX orders_by_charge_idx ON orders (tenant_id, stripe_charge_id);
CREATE INDEX orders_by_payment_intent_idx ON orders (tenant_id, stripe_payment_intent_id);

-- What a client may use because of an order or a subscription. Exactly one per order and kind,
-- or per subscription: the unique keys make a replayed event harmless.
CREATE TABLE entitlements (
    tenant_id         uuid          NOT NULL,
    id                uuid          NOT NULL,
    client_id         uuid          NOT NULL,
    offer_id          uuid,
    kind              varchar(16)   NOT NULL,
    order_id          uuid,
    subscription_id   uuid,
    status            varchar(16)   NOT NULL DEFAULT 'active',
    granted_at        timestamptz   NOT NULL,
    ended_at          timestamptz,
    end_reason        varchar(200),
    download_count    integer       NOT NULL DEFAULT 0,
    last_download_at  timestamptz,
    CONSTRAINT entitlements_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT entitlements_client_fkey FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id),
    CONSTRAINT entitlements_order_fkey FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, id),
    CONSTRAINT entitlements_subscription_fkey FOREIGN KEY (tenant_id, subscription_id) REFERENCES subscriptions (tenant_id, id),
    CONSTRAINT entitlements_order_key UNIQUE (tenant_id, order_id),
    CONSTRAINT entitlements_subscription_key UNIQUE (tenant_id, subscription_id),
    CONSTRAINT entitlements_kind_valid CHECK (kind IN ('guide_download', 'custom_plan', 'coaching')),
    CONSTRAINT entitlements_status_valid CHECK (status IN ('active', 'revoked', 'ended')),
    CONSTRAINT entitlements_source CHECK ((order_id IS NULL) <> (subscription_id IS NULL))
);
CREATE INDEX entitlements_by_client_idx ON entitlements (tenant_id, client_id, status);

CREATE TABLE refunds (
    tenant_id         uuid          NOT NULL,
    id                uuid          NOT NULL,
    order_id          uuid          NOT NULL,
    stripe_refund_id  varchar(64),
    amount_minor      bigint        NOT NULL,
    currency          char(3)       NOT NULL,
    reason            varchar(500),
    status            varchar(16)   NOT NULL,
    requested_by      uuid,
    created_at        timestamptz   NOT NULL,
    updated_at        timestamptz   NOT NULL,
    CONSTRAINT refunds_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT refunds_order_fkey FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, id),
    CONSTRAINT refunds_stripe_key UNIQUE (tenant_id, stripe_refund_id),
    CONSTRAINT refunds_amount_positive CHECK (amount_minor > 0),
    CONSTRAINT refunds_status_valid CHECK (status IN ('pending', 'requires_action', 'succeeded', 'failed', 'canceled'))
);
CREATE INDEX refunds_by_order_idx ON refunds (tenant_id, order_id);

CREATE TABLE disputes (
    tenant_id          uuid          NOT NULL,
    id                 uuid          NOT NULL,
    order_id           uuid,
    stripe_dispute_id  varchar(64)   NOT NULL,
    stripe_charge_id   varchar(64)   NOT NULL,
    amount_minor       bigint        NOT NULL,
    currency           char(3)       NOT NULL,
    reason             varchar(100),
    status             varchar(32)   NOT NULL,
    opened_at          timestamptz   NOT NULL,
    closed_at          timestamptz,
    updated_at         timestamptz   NOT NULL,
    CONSTRAINT disputes_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT disputes_order_fkey FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, id),
    CONSTRAINT disputes_stripe_key UNIQUE (tenant_id, stripe_dispute_id)
);

-- The webhook inbox: every event Stripe sent, stored under its unique id before it is
-- acknowledged, processed afterwards. A platform table keyed by Stripe's ids (no tenant_id): an
-- event may name an account no tenant owns, and the inbox is what platform admins inspect and
-- replay. Processing binds the tenant that owns the event's account before touching tenant rows.
CREATE TABLE stripe_events (
    id               varchar(255)  NOT NULL,
    endpoint         varchar(16)   NOT NULL,
    type             varchar(100)  NOT NULL,
    account          varchar(64),
    livemode         boolean       NOT NULL,
    api_version      varchar(40),
    object_id        varchar(255),
    created          timestamptz   NOT NULL,
    payload          text          NOT NULL,
    received_at      timestamptz   NOT NULL,
    status           varchar(16)   NOT NULL DEFAULT 'pending',
    attempts         integer       NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz   NOT NULL,
    last_error       varchar(2000),
    processed_at     timestamptz,
    CONSTRAINT stripe_events_pkey PRIMARY KEY (id),
    CONSTRAINT stripe_events_endpoint_valid CHECK (endpoint IN ('platform', 'connect')),
    -- processed: applied; ignored: a type we do not act on; flagged: no effect, needs a look (an
    -- unknown account, test/live mismatch); failed: gave up after retries, replayable by an admin.
    CONSTRAINT stripe_events_status_valid CHECK (status IN ('pending', 'processed', 'ignored', 'flagged', 'failed'))
);
CREATE INDEX stripe_events_due_idx ON stripe_events (next_attempt_at) WHERE status = 'pending';
CREATE INDEX stripe_events_by_status_idx ON stripe_events (status, received_at DESC);
CREATE INDEX stripe_events_by_account_idx ON stripe_events (account, created);

-- Reconciliation runs (nightly and on demand): what our ledger and Stripe disagreed on, and what
-- was repaired. Platform-level, like the inbox.
CREATE TABLE reconciliation_runs (
    id            uuid          NOT NULL,
    trigger       varchar(16)   NOT NULL,
    started_at    timestamptz   NOT NULL,
    finished_at   timestamptz,
    tenants       integer       NOT NULL DEFAULT 0,
    checked       integer       NOT NULL DEFAULT 0,
    missing       integer       NOT NULL DEFAULT 0,
    mismatched    integer       NOT NULL DEFAULT 0,
    repaired      integer       NOT NULL DEFAULT 0,
    findings      text          NOT NULL DEFAULT '[]',
    error         varchar(2000),
    CONSTRAINT reconciliation_runs_pkey PRIMARY KEY (id),
    CONSTRAINT reconciliation_runs_trigger_valid CHECK (trigger IN ('nightly', 'manual'))
);
CREATE INDEX reconciliation_runs_by_start_idx ON reconciliation_runs (started_at DESC);

-- [jooq ignore start]
ALTER TABLE payment_accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_accounts FORCE ROW LEVEL SECURITY;
CREATE POLICY payment_accounts_public_read ON payment_accounts FOR SELECT USING (true);
CREATE POLICY payment_accounts_own_insert ON payment_accounts FOR INSERT WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY payment_accounts_own_update ON payment_accounts FOR UPDATE
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['offer_files', 'promotion_codes', 'subscriptions', 'orders', 'entitlements',
                             'refunds', 'disputes']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = current_tenant_id())'
                       ' WITH CHECK (tenant_id = current_tenant_id())', t || '_tenant_isolation', t);
    END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE ON payment_accounts TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON offer_files, promotion_codes, subscriptions, orders, entitlements,
    refunds, disputes TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON stripe_events, reconciliation_runs TO ${app_role};
-- [jooq ignore stop]
