-- Loadwise schema, part 3: the roster as coaching businesses use it. Same tenancy rules as V1:
-- tenant_id leads every key, RLS is enabled and forced on every tenant-owned table.

-- Tenants: signup lifecycle, branding and optimistic concurrency for the settings page.
-- A tenant created by the public signup is 'pending' until its owner verifies their email;
-- a pending tenant has no public storefront.
ALTER TABLE tenants
    ADD COLUMN status     varchar(16) NOT NULL DEFAULT 'active',
    ADD COLUMN updated_at timestamptz,
    ADD COLUMN version    integer     NOT NULL DEFAULT 0,
    ADD CONSTRAINT tenants_status_valid CHECK (status IN ('pending', 'active'));

-- The logo a storefront shows, kept in the database with its tenant (small: size-checked on upload).
CREATE TABLE tenant_logos (
    tenant_id    uuid         NOT NULL,
    content_type varchar(64)  NOT NULL,
    bytes        bytea        NOT NULL,
    updated_at   timestamptz  NOT NULL,
    CONSTRAINT tenant_logos_pkey PRIMARY KEY (tenant_id),
    CONSTRAINT tenant_logos_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT tenant_logos_type_valid CHECK (content_type IN ('image/png', 'image/jpeg', 'image/svg+xml', 'image/webp')),
    CONSTRAINT tenant_logos_size CHECK (octet_length(bytes) <= 512 * 1024)
);

-- Members leave a business without disappearing: a removed coach's messages and notes keep
-- their author. removed_at set means no access and no new assignments.
ALTER TABLE members
    ADD COLUMN removed_at timestamptz;

-- The roster's client profile.
ALTER TABLE clients
    ADD COLUMN tags              text[]       NOT NULL DEFAULT '{}',
    ADD COLUMN age_group         varchar(16),
    ADD COLUMN menopausal_status varchar(16),
    ADD COLUMN weekly_volume_km  numeric(6, 1),
    ADD COLUMN races             varchar(2000),
    ADD COLUMN erased_at         timestamptz,
    ADD CONSTRAINT clients_age_group_valid CHECK (
        age_group IS NULL OR age_group IN ('junior', 'open', 'masters_40', 'masters_50', 'masters_60', 'masters_70')),
    ADD CONSTRAINT clients_menopausal_status_valid CHECK (
        menopausal_status IS NULL OR menopausal_status IN ('premenopausal', 'perimenopausal', 'postmenopausal')),
    ADD CONSTRAINT clients_weekly_volume_range CHECK (weekly_volume_km IS NULL OR weekly_volume_km BETWEEN 0 AND 1000),
    ADD CONSTRAINT clients_tags_limit CHECK (cardinality(tags) <= 20);
-- clients.coach_id stays the lead coach (the roster's "Coach" column); further coaches of a
-- client are listed here. A coach sees a client when they are its lead or listed here.
CREATE TABLE client_coaches (
    tenant_id   uuid        NOT NULL,
    client_id   uuid        NOT NULL,
    coach_id    uuid        NOT NULL,
    assigned_at timestamptz NOT NULL,
    CONSTRAINT client_coaches_pkey PRIMARY KEY (tenant_id, client_id, coach_id),
    CONSTRAINT client_coaches_client_fkey FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT client_coaches_coach_fkey FOREIGN KEY (tenant_id, coach_id) REFERENCES members (tenant_id, id)
);
CREATE INDEX client_coaches_by_coach_idx ON client_coaches (tenant_id, coach_id, client_id);
-- Roster filters: a coach's own clients by name, status, tags.
CREATE INDEX clients_by_coach_name_idx ON clients (tenant_id, coach_id, display_name, id);
CREATE INDEX clients_by_status_name_idx ON clients (tenant_id, status, display_name, id);
CREATE INDEX clients_by_created_idx ON clients (tenant_id, created_at, id);
CREATE INDEX clients_tags_idx ON clients USING gin (tags);

-- Injury history, e.g. proximal hamstring tendinopathy, left side, since a date.
CREATE TABLE client_injuries (
    tenant_id   uuid          NOT NULL,
    id          uuid          NOT NULL,
    client_id   uuid          NOT NULL,
    condition   varchar(200)  NOT NULL,
    side        varchar(8)    NOT NULL DEFAULT 'none',
    since       date,
    resolved_on date,
    notes       varchar(2000),
    created_at  timestamptz   NOT NULL,
    CONSTRAINT client_injuries_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT client_injuries_client_fkey FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT client_injuries_side_valid CHECK (side IN ('left', 'right', 'both', 'none')),
    CONSTRAINT client_injuries_dates_ordered CHECK (resolved_on IS NULL OR since IS NULL OR resolved_on >= since)
);
CREATE INDEX client_injuries_by_client_idx ON client_injuries (tenant_id, client_id);

-- Consent for sensitive data (e.g. menopausal status), stored with what was agreed to and when.
-- A withdrawn consent keeps its row (withdrawn_at) as the record; the data it covered is cleared.
CREATE TABLE client_consents (
    tenant_id      uuid          NOT NULL,
    id             uuid          NOT NULL,
    client_id      uuid          NOT NULL,
    purpose        varchar(64)   NOT NULL,
    wording        varchar(2000) NOT NULL,
    granted_at     timestamptz   NOT NULL,
    granted_by     uuid          NOT NULL,
    withdrawn_at   timestamptz,
    CONSTRAINT client_consents_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT client_consents_client_fkey FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT client_consents_purpose_valid CHECK (purpose IN ('menopausal_status'))
);
CREATE INDEX client_consents_by_client_idx ON client_consents (tenant_id, client_id, purpose);

-- Coach-private notes: never shown to the client, never in the client portal.
CREATE TABLE client_notes (
    tenant_id  uuid          NOT NULL,
    id         uuid          NOT NULL,
    client_id  uuid          NOT NULL,
    author_id  uuid          NOT NULL,
    body       varchar(10000) NOT NULL,
    created_at timestamptz   NOT NULL,
    updated_at timestamptz   NOT NULL,
    version    integer       NOT NULL DEFAULT 0,
    CONSTRAINT client_notes_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT client_notes_client_fkey FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT client_notes_author_fkey FOREIGN KEY (tenant_id, author_id) REFERENCES members (tenant_id, id)
);
CREATE INDEX client_notes_by_client_idx ON client_notes (tenant_id, client_id, created_at);

-- Flags the roster shows and filters on (pain spike, missed sessions, no check-in). Raised and
-- cleared by the plan engine (Plans issue); the roster only reads them.
CREATE TABLE client_flags (
    tenant_id  uuid         NOT NULL,
    client_id  uuid         NOT NULL,
    kind       varchar(32)  NOT NULL,
    detail     varchar(500) NOT NULL,
    severity   smallint     NOT NULL DEFAULT 1,
    raised_at  timestamptz  NOT NULL,
    CONSTRAINT client_flags_pkey PRIMARY KEY (tenant_id, client_id, kind),
    CONSTRAINT client_flags_client_fkey FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX client_flags_by_kind_idx ON client_flags (tenant_id, kind, client_id);

-- CSV imports: validated first (report per row kept here), imported only when the user confirms.
CREATE TABLE roster_imports (
    tenant_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    created_by   uuid        NOT NULL,
    created_at   timestamptz NOT NULL,
    status       varchar(16) NOT NULL,
    total_rows   integer     NOT NULL,
    valid_rows   integer     NOT NULL,
    imported_rows integer    NOT NULL DEFAULT 0,
    report       jsonb       NOT NULL,
    finished_at  timestamptz,
    CONSTRAINT roster_imports_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT roster_imports_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT roster_imports_status_valid CHECK (status IN ('validated', 'importing', 'imported', 'discarded', 'failed'))
);

-- The tenant's intake questionnaire: one document per tenant, edited as a whole (If-Match on
-- version). Absent row = the platform's default questions.
CREATE TABLE intake_questionnaires (
    tenant_id  uuid        NOT NULL,
    questions  jsonb       NOT NULL,
    updated_at timestamptz NOT NULL,
    version    integer     NOT NULL DEFAULT 0,
    CONSTRAINT intake_questionnaires_pkey PRIMARY KEY (tenant_id),
    CONSTRAINT intake_questionnaires_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id)
);

-- A client's answers. Each answer keeps the question's wording as it was asked, so editing the
-- questionnaire later does not change what a client said.
CREATE TABLE intake_submissions (
    tenant_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    client_id    uuid        NOT NULL,
    answers      jsonb       NOT NULL,
    submitted_at timestamptz NOT NULL,
    CONSTRAINT intake_submissions_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT intake_submissions_client_fkey FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX intake_submissions_by_client_idx ON intake_submissions (tenant_id, client_id, submitted_at);

-- Messaging: one thread per client (the thread is the client), between the client and their coaches.
CREATE TABLE messages (
    tenant_id  uuid          NOT NULL,
    id         uuid          NOT NULL,
    client_id  uuid          NOT NULL,
    author_id  uuid          NOT NULL,
    body       varchar(10000) NOT NULL,
    created_at timestamptz   NOT NULL,
    CONSTRAINT messages_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT messages_client_fkey FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT messages_author_fkey FOREIGN KEY (tenant_id, author_id) REFERENCES members (tenant_id, id)
);
CREATE INDEX messages_by_thread_idx ON messages (tenant_id, client_id, created_at, id);

-- How far each participant has read a thread: unread = newer messages by someone else.
CREATE TABLE message_reads (
    tenant_id    uuid        NOT NULL,
    client_id    uuid        NOT NULL,
    member_id    uuid        NOT NULL,
    last_read_at timestamptz NOT NULL,
    CONSTRAINT message_reads_pkey PRIMARY KEY (tenant_id, client_id, member_id),
    CONSTRAINT message_reads_client_fkey FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT message_reads_member_fkey FOREIGN KEY (tenant_id, member_id) REFERENCES members (tenant_id, id)
);

-- Single-use links we mail (set a password after an invite, verify the owner's email at signup).
-- Only a hash of the secret is stored; the link carries tenant id, token id and secret.
CREATE TABLE account_tokens (
    tenant_id   uuid         NOT NULL,
    id          uuid         NOT NULL,
    member_id   uuid         NOT NULL,
    purpose     varchar(16)  NOT NULL,
    secret_hash bytea        NOT NULL,
    created_at  timestamptz  NOT NULL,
    expires_at  timestamptz  NOT NULL,
    used_at     timestamptz,
    CONSTRAINT account_tokens_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT account_tokens_member_fkey FOREIGN KEY (tenant_id, member_id) REFERENCES members (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT account_tokens_purpose_valid CHECK (purpose IN ('invite', 'verify_email'))
);
CREATE INDEX account_tokens_by_member_idx ON account_tokens (tenant_id, member_id);

-- Who looked at or changed what, when it needs a reason: platform admins' break-glass access to
-- health data, exports and erasures. Append-only for the application role.
CREATE TABLE audit_log (
    tenant_id  uuid          NOT NULL,
    id         uuid          NOT NULL,
    at         timestamptz   NOT NULL,
    actor_id   uuid          NOT NULL,
    actor_role varchar(32)   NOT NULL,
    action     varchar(64)   NOT NULL,
    subject_id uuid,
    reason     varchar(2000),
    detail     jsonb,
    CONSTRAINT audit_log_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT audit_log_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id)
);
CREATE INDEX audit_log_by_subject_idx ON audit_log (tenant_id, subject_id, at);

-- A client's erasure: what was removed, what was kept and why (e.g. invoices kept by law).
CREATE TABLE erasures (
    tenant_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    client_id    uuid        NOT NULL,
    requested_by uuid        NOT NULL,
    requested_at timestamptz NOT NULL,
    completed_at timestamptz,
    removed      jsonb       NOT NULL DEFAULT '[]',
    kept         jsonb       NOT NULL DEFAULT '[]',
    CONSTRAINT erasures_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT erasures_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id)
);

-- [jooq ignore start]
ALTER TABLE tenant_logos ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_logos FORCE ROW LEVEL SECURITY;
-- Logos are public, like the rest of a storefront's branding.
CREATE POLICY tenant_logos_public_read ON tenant_logos FOR SELECT USING (true);
CREATE POLICY tenant_logos_own_insert ON tenant_logos FOR INSERT WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY tenant_logos_own_update ON tenant_logos FOR UPDATE
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY tenant_logos_own_delete ON tenant_logos FOR DELETE USING (tenant_id = current_tenant_id());

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['client_coaches', 'client_injuries', 'client_consents', 'client_notes',
                             'client_flags', 'roster_imports', 'intake_questionnaires', 'intake_submissions',
                             'messages', 'message_reads', 'account_tokens', 'audit_log', 'erasures']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = current_tenant_id())'
                       ' WITH CHECK (tenant_id = current_tenant_id())', t || '_tenant_isolation', t);
    END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON tenant_logos, client_coaches, client_injuries, client_consents,
    client_notes, client_flags, roster_imports, intake_questionnaires, intake_submissions, messages,
    message_reads, account_tokens, erasures TO ${app_role};
GRANT SELECT, INSERT ON audit_log TO ${app_role};
-- [jooq ignore stop]
