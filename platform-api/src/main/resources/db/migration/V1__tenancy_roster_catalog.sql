-- Loadwise schema, part 1: tenants, their members and roster, the catalog, consumer idempotency.
--
-- Tenancy rules (docs/adr/0001-tenancy.md):
--  * tenant_id is NOT NULL and leads every key and index of a tenant-owned table;
--  * row level security is ENABLEd and FORCEd, so even the owner is filtered;
--  * policies read the transaction-local setting app.tenant_id through current_tenant_id():
--    no tenant set means no rows (fail closed), and rows for another tenant can't be written.
-- Flyway runs this as the schema owner; the application role ${app_role} only gets DML rights.

CREATE FUNCTION current_tenant_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

-- The tenant registry. Name, slug and branding are what a public storefront shows, so every
-- tenant row is readable; changing one requires being in that tenant.
CREATE TABLE tenants (
    id          uuid         NOT NULL,
    slug        varchar(63)  NOT NULL,
    name        varchar(200) NOT NULL,
    currency    char(3)      NOT NULL DEFAULT 'USD',
    time_zone   varchar(64)  NOT NULL DEFAULT 'UTC',
    locale      varchar(35)  NOT NULL DEFAULT 'en',
    brand_color varchar(7),
    created_at  timestamptz  NOT NULL,
    CONSTRAINT tenants_pkey PRIMARY KEY (id),
    CONSTRAINT tenants_slug_key UNIQUE (slug),
    CONSTRAINT tenants_slug_format CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    CONSTRAINT tenants_currency_format CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT tenants_brand_color_format CHECK (brand_color IS NULL OR brand_color ~ '^#[0-9a-fA-F]{6}$')
);

-- A user's place in a tenant. user_id is the Keycloak user id (the JWT subject).
CREATE TABLE members (
    tenant_id    uuid         NOT NULL,
    id           uuid         NOT NULL,
    user_id      uuid         NOT NULL,
    role         varchar(16)  NOT NULL,
    email        varchar(320) NOT NULL,
    display_name varchar(200) NOT NULL,
    created_at   timestamptz  NOT NULL,
    CONSTRAINT members_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT members_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT members_user_key UNIQUE (tenant_id, user_id),
    CONSTRAINT members_email_key UNIQUE (tenant_id, email),
    CONSTRAINT members_role_valid CHECK (role IN ('owner', 'coach', 'client')),
    CONSTRAINT members_email_normalized CHECK (email = lower(email))
);

-- The roster: one row per client a coaching business works with (lead, active, paused, alumni).
CREATE TABLE clients (
    tenant_id     uuid         NOT NULL,
    id            uuid         NOT NULL,
    member_id     uuid,
    coach_id      uuid,
    display_name  varchar(200) NOT NULL,
    email         varchar(320) NOT NULL,
    status        varchar(16)  NOT NULL DEFAULT 'lead',
    goal          varchar(500),
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    version       integer      NOT NULL DEFAULT 0,
    CONSTRAINT clients_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT clients_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT clients_member_fkey FOREIGN KEY (tenant_id, member_id) REFERENCES members (tenant_id, id),
    CONSTRAINT clients_coach_fkey FOREIGN KEY (tenant_id, coach_id) REFERENCES members (tenant_id, id),
    CONSTRAINT clients_email_key UNIQUE (tenant_id, email),
    CONSTRAINT clients_status_valid CHECK (status IN ('lead', 'active', 'paused', 'alumni')),
    CONSTRAINT clients_email_normalized CHECK (email = lower(email))
);
-- Keyset pagination of the roster by name.
CREATE INDEX clients_by_name_idx ON clients (tenant_id, display_name, id);
CREATE INDEX clients_by_coach_idx ON clients (tenant_id, coach_id);
CREATE INDEX clients_by_member_idx ON clients (tenant_id, member_id);

-- What a coaching business sells. Catalog rows only for now; prices are minor units + currency.
CREATE TABLE offers (
    tenant_id        uuid          NOT NULL,
    id               uuid          NOT NULL,
    kind             varchar(16)   NOT NULL,
    title            varchar(200)  NOT NULL,
    summary          varchar(2000) NOT NULL,
    price_minor      bigint        NOT NULL,
    currency         char(3)       NOT NULL,
    billing_interval varchar(16),
    position         integer       NOT NULL DEFAULT 0,
    active           boolean       NOT NULL DEFAULT true,
    created_at       timestamptz   NOT NULL,
    CONSTRAINT offers_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT offers_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT offers_kind_valid CHECK (kind IN ('guide', 'custom_plan', 'coaching')),
    CONSTRAINT offers_price_positive CHECK (price_minor >= 0),
    CONSTRAINT offers_interval_valid CHECK (
        (kind = 'coaching' AND billing_interval IN ('month', 'quarter'))
        OR (kind <> 'coaching' AND billing_interval IS NULL))
);
CREATE INDEX offers_by_position_idx ON offers (tenant_id, active, position);

-- Consumers record each event they handled here, in the same transaction as the effect, so a
-- redelivered event is recognised and skipped.
CREATE TABLE processed_events (
    tenant_id    uuid         NOT NULL,
    consumer     varchar(100) NOT NULL,
    event_id     uuid         NOT NULL,
    processed_at timestamptz  NOT NULL,
    CONSTRAINT processed_events_pkey PRIMARY KEY (tenant_id, consumer, event_id),
    CONSTRAINT processed_events_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id)
);

-- [jooq ignore start]
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenants_public_read ON tenants FOR SELECT USING (true);
CREATE POLICY tenants_own_insert ON tenants FOR INSERT WITH CHECK (id = current_tenant_id());
CREATE POLICY tenants_own_update ON tenants FOR UPDATE
    USING (id = current_tenant_id()) WITH CHECK (id = current_tenant_id());

ALTER TABLE members ENABLE ROW LEVEL SECURITY;
ALTER TABLE members FORCE ROW LEVEL SECURITY;
CREATE POLICY members_tenant_isolation ON members
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

ALTER TABLE clients ENABLE ROW LEVEL SECURITY;
ALTER TABLE clients FORCE ROW LEVEL SECURITY;
CREATE POLICY clients_tenant_isolation ON clients
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

ALTER TABLE offers ENABLE ROW LEVEL SECURITY;
ALTER TABLE offers FORCE ROW LEVEL SECURITY;
CREATE POLICY offers_tenant_isolation ON offers
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

ALTER TABLE processed_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE processed_events FORCE ROW LEVEL SECURITY;
CREATE POLICY processed_events_tenant_isolation ON processed_events
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

GRANT SELECT, INSERT, UPDATE ON tenants TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON members, clients, offers, processed_events TO ${app_role};
GRANT EXECUTE ON FUNCTION current_tenant_id() TO ${app_role};
-- [jooq ignore stop]
