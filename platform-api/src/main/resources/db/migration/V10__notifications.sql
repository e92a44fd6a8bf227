-- Notifications (issue 6, docs/adr/0010-notifications.md): every event that matters becomes one
-- notification per recipient and channel, stored before anything is sent.
--
-- notifications: tenant-owned (forced RLS). The dedupe key is the unique constraint
--   (tenant_id, event_id, type, recipient_email, channel): a redelivered event inserts nothing.
--   An in-app row is the inbox entry itself (title/body rendered in the reader's language when
--   stored); an email row is rendered when it is sent, so a template fix reaches retries.
-- notification_queue: platform-level (no RLS) and ids only — no address, no content — so one
--   worker query claims due mail across every business with SKIP LOCKED; the content is then read
--   as the notification's tenant.
-- notification_preferences / notification_settings: per recipient (an email within a business:
--   guests and clients without an account have preferences too, set through unsubscribe links).

CREATE TABLE notifications (
    tenant_id        uuid          NOT NULL,
    id               uuid          NOT NULL,
    event_id         uuid          NOT NULL,
    type             varchar(40)   NOT NULL,
    channel          varchar(8)    NOT NULL,
    recipient_email  varchar(320)  NOT NULL,
    recipient_name   varchar(200)  NOT NULL,
    -- the inbox owner; null for a recipient without an account (email only)
    member_id        uuid,
    locale           varchar(35)   NOT NULL,
    time_zone        varchar(64)   NOT NULL,
    -- what the template needs (JSON values only: strings, numbers, booleans, ISO instants)
    model            jsonb         NOT NULL,
    -- pending: waiting for the sender; held: quiet hours (sent at next_attempt_at);
    -- digest: waiting for the recipient's daily digest; sent; failed: a retryable error, retried at
    -- next_attempt_at; dead: attempts exhausted or unrenderable (admins see and replay it);
    -- bounced: the server refused the address for good; suppressed: preferences said no (kept for
    -- the log); unread / read: in-app.
    status           varchar(12)   NOT NULL,
    attempts         integer       NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz,
    last_error       varchar(2000),
    -- in-app: what the inbox shows; email: the subject once rendered (for the delivery log)
    title            varchar(300),
    body             varchar(2000),
    link             varchar(1000),
    occurred_at      timestamptz   NOT NULL,
    created_at       timestamptz   NOT NULL,
    sent_at          timestamptz,
    read_at          timestamptz,
    CONSTRAINT notifications_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT notifications_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT notifications_dedupe_key UNIQUE (tenant_id, event_id, type, recipient_email, channel),
    CONSTRAINT notifications_channel_valid CHECK (channel IN ('email', 'in_app')),
    CONSTRAINT notifications_status_valid CHECK (status IN ('pending', 'held', 'digest', 'sent', 'failed',
        'dead', 'bounced', 'suppressed', 'unread', 'read')),
    CONSTRAINT notifications_email_normalized CHECK (recipient_email = lower(recipient_email))
);
-- The inbox: a member's newest first, and the unread count.
CREATE INDEX notifications_inbox_idx ON notifications (tenant_id, member_id, created_at DESC, id)
    WHERE channel = 'in_app';
CREATE INDEX notifications_unread_idx ON notifications (tenant_id, member_id) WHERE status = 'unread';
-- The delivery log (newest first, by status) and the digest.
CREATE INDEX notifications_log_idx ON notifications (tenant_id, created_at DESC, id) WHERE channel = 'email';
CREATE INDEX notifications_by_status_idx ON notifications (tenant_id, status, created_at DESC)
    WHERE channel = 'email';
CREATE INDEX notifications_digest_idx ON notifications (tenant_id, recipient_email) WHERE status = 'digest';

CREATE TABLE notification_queue (
    notification_id  uuid         NOT NULL,
    tenant_id        uuid         NOT NULL,
    due_at           timestamptz  NOT NULL,
    CONSTRAINT notification_queue_pkey PRIMARY KEY (notification_id)
);
CREATE INDEX notification_queue_due_idx ON notification_queue (due_at);

-- One row per switched-off (or explicitly switched-on) type and channel; no row: the default.
CREATE TABLE notification_preferences (
    tenant_id        uuid          NOT NULL,
    recipient_email  varchar(320)  NOT NULL,
    type             varchar(40)   NOT NULL,
    channel          varchar(8)    NOT NULL,
    enabled          boolean       NOT NULL,
    updated_at       timestamptz   NOT NULL,
    CONSTRAINT notification_preferences_pkey PRIMARY KEY (tenant_id, recipient_email, type, channel),
    CONSTRAINT notification_preferences_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT notification_preferences_channel_valid CHECK (channel IN ('email', 'in_app'))
);

-- Language, time zone, quiet hours and digest; no row: the business's language and time zone.
CREATE TABLE notification_settings (
    tenant_id        uuid          NOT NULL,
    recipient_email  varchar(320)  NOT NULL,
    locale           varchar(35),
    time_zone        varchar(64),
    -- local times; both null: no quiet hours; start after end wraps past midnight (22:00–07:00)
    quiet_start      time,
    quiet_end        time,
    -- coaches: non-urgent mail gathered into one mail a day at digest_at (local time)
    daily_digest     boolean       NOT NULL DEFAULT false,
    digest_at        time          NOT NULL DEFAULT '07:00',
    last_digest_at   timestamptz,
    updated_at       timestamptz   NOT NULL,
    CONSTRAINT notification_settings_pkey PRIMARY KEY (tenant_id, recipient_email),
    CONSTRAINT notification_settings_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT notification_settings_quiet_pair CHECK ((quiet_start IS NULL) = (quiet_end IS NULL))
);

-- [jooq ignore start]
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['notifications', 'notification_preferences', 'notification_settings']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = current_tenant_id())'
                       ' WITH CHECK (tenant_id = current_tenant_id())', t || '_tenant_isolation', t);
    END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON notifications, notification_preferences, notification_settings,
    notification_queue TO ${app_role};
-- [jooq ignore stop]
