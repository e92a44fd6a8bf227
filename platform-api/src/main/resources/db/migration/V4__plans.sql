-- Loadwise schema, part 4: plans. The exercise library, plan templates, dated client plans with
-- their revisions, session logs, symptom check-ins, the plan engine's rules and proposals, calendar
-- feeds and coach tasks. Same tenancy rules as V1: tenant_id leads every key; RLS is enabled and
-- forced on every table (below).

-- The exercise library of a business: seeded from the platform's default set, then the coaches' own.
CREATE TABLE exercises (
    tenant_id      uuid          NOT NULL,
    id             uuid          NOT NULL,
    name           varchar(120)  NOT NULL,
    category       varchar(24)   NOT NULL,
    target         varchar(24)   NOT NULL,
    default_dosage varchar(200)  NOT NULL,
    cues           varchar(2000) NOT NULL DEFAULT '',
    video_url      varchar(500),
    -- the key of the platform default it was seeded from; null for a coach's own exercise
    default_key    varchar(64),
    archived_at    timestamptz,
    created_by     uuid,
    created_at     timestamptz   NOT NULL,
    updated_at     timestamptz   NOT NULL,
    version        integer       NOT NULL DEFAULT 0,
    CONSTRAINT exercises_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT exercises_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT exercises_category_valid CHECK (category IN
        ('isometric', 'eccentric', 'heavy_slow_resistance', 'energy_storage', 'glutes_core', 'mobility')),
    CONSTRAINT exercises_target_valid CHECK (target IN
        ('hamstring', 'achilles', 'patellar', 'glute', 'core', 'calf', 'hip', 'quadriceps', 'full_body'))
);
CREATE UNIQUE INDEX exercises_name_unique ON exercises (tenant_id, lower(name)) WHERE archived_at IS NULL;
CREATE UNIQUE INDEX exercises_default_key_unique ON exercises (tenant_id, default_key);

-- A plan template: its phases, weeks and sessions are one validated document (see
-- io.loadwise.plans.TemplateContent), edited and versioned as a whole by the template builder.
CREATE TABLE plan_templates (
    tenant_id   uuid          NOT NULL,
    id          uuid          NOT NULL,
    name        varchar(160)  NOT NULL,
    description varchar(4000) NOT NULL DEFAULT '',
    condition   varchar(24)   NOT NULL,
    content     jsonb         NOT NULL,
    default_key varchar(64),
    archived_at timestamptz,
    created_by  uuid,
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL,
    version     integer       NOT NULL DEFAULT 0,
    CONSTRAINT plan_templates_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT plan_templates_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT plan_templates_condition_valid CHECK (condition IN
        ('hamstring', 'achilles', 'patellar', 'general', 'onboarding'))
);
CREATE UNIQUE INDEX plan_templates_name_unique ON plan_templates (tenant_id, lower(name)) WHERE archived_at IS NULL;
CREATE UNIQUE INDEX plan_templates_default_key_unique ON plan_templates (tenant_id, default_key);

-- A client's dated plan, made from a template. revision counts every change (the ETag); only one
-- plan per client is active or paused at a time.
CREATE TABLE client_plans (
    tenant_id             uuid         NOT NULL,
    id                    uuid         NOT NULL,
    client_id             uuid         NOT NULL,
    template_id           uuid,
    name                  varchar(160) NOT NULL,
    content               jsonb        NOT NULL,
    start_date            date         NOT NULL,
    end_date              date         NOT NULL,
    status                varchar(16)  NOT NULL,
    current_phase         varchar(64)  NOT NULL,
    phase_started_on      date         NOT NULL,
    -- the client's usual next-morning pain (0-10); null: the engine derives it from recent check-ins
    baseline_morning_pain smallint,
    revision              integer      NOT NULL DEFAULT 1,
    created_by            uuid,
    created_at            timestamptz  NOT NULL,
    updated_at            timestamptz  NOT NULL,
    CONSTRAINT client_plans_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT client_plans_client_fkey FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT client_plans_status_valid CHECK (status IN ('draft', 'active', 'paused', 'completed', 'ended')),
    CONSTRAINT client_plans_dates_ordered CHECK (end_date >= start_date),
    CONSTRAINT client_plans_baseline_range CHECK (baseline_morning_pain IS NULL OR baseline_morning_pain BETWEEN 0 AND 10)
);
CREATE UNIQUE INDEX client_plans_one_current ON client_plans (tenant_id, client_id) WHERE status IN ('active', 'paused');
CREATE INDEX client_plans_by_client_idx ON client_plans (tenant_id, client_id, created_at);

-- The dated sessions of a plan. spec is an io.loadwise.plans.SessionSpec document.
CREATE TABLE plan_sessions (
    tenant_id    uuid         NOT NULL,
    id           uuid         NOT NULL,
    plan_id      uuid         NOT NULL,
    client_id    uuid         NOT NULL,
    on_date      date         NOT NULL,
    position     smallint     NOT NULL DEFAULT 0,
    phase_key    varchar(64)  NOT NULL,
    week_number  smallint     NOT NULL,
    kind         varchar(16)  NOT NULL,
    spec         jsonb        NOT NULL,
    status       varchar(16)  NOT NULL DEFAULT 'planned',
    -- the revision that last changed this session, and why (shown next to it); null: as assigned
    changed_in_revision integer,
    change_reason varchar(1000),
    CONSTRAINT plan_sessions_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT plan_sessions_plan_fkey FOREIGN KEY (tenant_id, plan_id) REFERENCES client_plans (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT plan_sessions_kind_valid CHECK (kind IN ('run', 'strength', 'cross_training', 'recovery')),
    CONSTRAINT plan_sessions_status_valid CHECK (status IN ('planned', 'done', 'partial', 'skipped', 'missed', 'cancelled'))
);
CREATE INDEX plan_sessions_by_plan_idx ON plan_sessions (tenant_id, plan_id, on_date, position);
CREATE INDEX plan_sessions_by_client_idx ON plan_sessions (tenant_id, client_id, on_date);
CREATE INDEX plan_sessions_open_idx ON plan_sessions (tenant_id, on_date) WHERE status = 'planned';

-- Every change of a plan, numbered: assignment, a coach's edit, the engine's dial-back or
-- progression, a pause. changes lists the sessions before and after; reason is for people.
CREATE TABLE plan_revisions (
    tenant_id       uuid          NOT NULL,
    plan_id         uuid          NOT NULL,
    revision        integer       NOT NULL,
    kind            varchar(24)   NOT NULL,
    source          varchar(16)   NOT NULL,
    reason          varchar(2000) NOT NULL,
    changes         jsonb         NOT NULL,
    -- the event that caused it (the engine's idempotency key); null for people's edits
    source_event_id uuid,
    created_by      uuid,
    created_at      timestamptz   NOT NULL,
    CONSTRAINT plan_revisions_pkey PRIMARY KEY (tenant_id, plan_id, revision),
    CONSTRAINT plan_revisions_plan_fkey FOREIGN KEY (tenant_id, plan_id) REFERENCES client_plans (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT plan_revisions_source_valid CHECK (source IN ('coach', 'engine', 'billing', 'client'))
);
CREATE UNIQUE INDEX plan_revisions_source_event_unique ON plan_revisions (tenant_id, plan_id, source_event_id)
    WHERE source_event_id IS NOT NULL;

-- What the engine would change, waiting for a coach (tenants whose engine mode is 'propose').
CREATE TABLE adjustment_proposals (
    tenant_id       uuid          NOT NULL,
    id              uuid          NOT NULL,
    plan_id         uuid          NOT NULL,
    client_id       uuid          NOT NULL,
    base_revision   integer       NOT NULL,
    kind            varchar(24)   NOT NULL,
    reason          varchar(2000) NOT NULL,
    changes         jsonb         NOT NULL,
    status          varchar(16)   NOT NULL DEFAULT 'pending',
    source_event_id uuid          NOT NULL,
    created_at      timestamptz   NOT NULL,
    decided_at      timestamptz,
    decided_by      uuid,
    applied_revision integer,
    CONSTRAINT adjustment_proposals_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT adjustment_proposals_plan_fkey FOREIGN KEY (tenant_id, plan_id) REFERENCES client_plans (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT adjustment_proposals_status_valid CHECK (status IN ('pending', 'approved', 'rejected', 'superseded'))
);
CREATE UNIQUE INDEX adjustment_proposals_source_event_unique ON adjustment_proposals (tenant_id, plan_id, source_event_id);
CREATE INDEX adjustment_proposals_pending_idx ON adjustment_proposals (tenant_id, status, created_at);

-- What the client did: one log per session.
CREATE TABLE session_logs (
    tenant_id        uuid          NOT NULL,
    id               uuid          NOT NULL,
    client_id        uuid          NOT NULL,
    plan_id          uuid          NOT NULL,
    session_id       uuid          NOT NULL,
    outcome          varchar(16)   NOT NULL,
    duration_minutes smallint,
    distance_km      numeric(6, 2),
    rpe              smallint,
    -- per exercise: name, sets, reps or hold seconds, load in kg
    loads            jsonb         NOT NULL DEFAULT '[]',
    notes            varchar(2000) NOT NULL DEFAULT '',
    logged_at        timestamptz   NOT NULL,
    updated_at       timestamptz   NOT NULL,
    version          integer       NOT NULL DEFAULT 0,
    CONSTRAINT session_logs_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT session_logs_session_unique UNIQUE (tenant_id, session_id),
    CONSTRAINT session_logs_session_fkey FOREIGN KEY (tenant_id, session_id) REFERENCES plan_sessions (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT session_logs_outcome_valid CHECK (outcome IN ('done', 'partial', 'skipped')),
    CONSTRAINT session_logs_rpe_range CHECK (rpe IS NULL OR rpe BETWEEN 1 AND 10),
    CONSTRAINT session_logs_duration_range CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 0 AND 1440),
    CONSTRAINT session_logs_distance_range CHECK (distance_km IS NULL OR distance_km BETWEEN 0 AND 1000)
);
CREATE INDEX session_logs_by_client_idx ON session_logs (tenant_id, client_id, logged_at);

-- Symptom check-ins (pain-monitoring model): 0-10 scales; any may be left out but one is given.
CREATE TABLE check_ins (
    tenant_id          uuid          NOT NULL,
    id                 uuid          NOT NULL,
    client_id          uuid          NOT NULL,
    plan_id            uuid,
    session_id         uuid,
    on_date            date          NOT NULL,
    pain_during        smallint,
    morning_pain       smallint,
    morning_stiffness  smallint,
    pain_after_sitting smallint,
    sleep_hours        numeric(3, 1),
    notes              varchar(2000) NOT NULL DEFAULT '',
    recorded_at        timestamptz   NOT NULL,
    CONSTRAINT check_ins_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT check_ins_client_fkey FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT check_ins_pain_during_range CHECK (pain_during IS NULL OR pain_during BETWEEN 0 AND 10),
    CONSTRAINT check_ins_morning_pain_range CHECK (morning_pain IS NULL OR morning_pain BETWEEN 0 AND 10),
    CONSTRAINT check_ins_stiffness_range CHECK (morning_stiffness IS NULL OR morning_stiffness BETWEEN 0 AND 10),
    CONSTRAINT check_ins_sitting_range CHECK (pain_after_sitting IS NULL OR pain_after_sitting BETWEEN 0 AND 10),
    CONSTRAINT check_ins_sleep_range CHECK (sleep_hours IS NULL OR sleep_hours BETWEEN 0 AND 24)
);
CREATE INDEX check_ins_by_client_idx ON check_ins (tenant_id, client_id, on_date, recorded_at);

-- The plan engine's rules of a business (io.loadwise.planengine.EngineRules), validated on save.
-- No row: the platform defaults (pain-monitoring model, propose mode).
CREATE TABLE plan_rules (
    tenant_id  uuid        NOT NULL,
    mode       varchar(16) NOT NULL,
    rules      jsonb       NOT NULL,
    updated_by uuid,
    updated_at timestamptz NOT NULL,
    version    integer     NOT NULL DEFAULT 0,
    CONSTRAINT plan_rules_pkey PRIMARY KEY (tenant_id),
    CONSTRAINT plan_rules_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT plan_rules_mode_valid CHECK (mode IN ('automatic', 'propose'))
);

-- A client's iCalendar feed: the URL carries the feed id and a secret; only its SHA-256 is kept.
-- Revoking sets revoked_at; a new URL is a new row.
CREATE TABLE calendar_feeds (
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    client_id   uuid        NOT NULL,
    secret_hash bytea       NOT NULL,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    last_read_at timestamptz,
    CONSTRAINT calendar_feeds_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT calendar_feeds_client_fkey FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX calendar_feeds_one_live ON calendar_feeds (tenant_id, client_id) WHERE revoked_at IS NULL;

-- Work for a coach the platform created (e.g. build the custom plan a client bought).
CREATE TABLE coach_tasks (
    tenant_id    uuid          NOT NULL,
    id           uuid          NOT NULL,
    client_id    uuid          NOT NULL,
    assignee_id  uuid,
    kind         varchar(32)   NOT NULL,
    title        varchar(300)  NOT NULL,
    plan_id      uuid,
    source_ref   varchar(100),
    status       varchar(16)   NOT NULL DEFAULT 'open',
    due_on       date,
    created_at   timestamptz   NOT NULL,
    done_at      timestamptz,
    CONSTRAINT coach_tasks_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT coach_tasks_client_fkey FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT coach_tasks_status_valid CHECK (status IN ('open', 'done'))
);
CREATE UNIQUE INDEX coach_tasks_source_unique ON coach_tasks (tenant_id, kind, source_ref) WHERE source_ref IS NOT NULL;
CREATE INDEX coach_tasks_open_idx ON coach_tasks (tenant_id, status, created_at);

-- [jooq ignore start]
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['exercises', 'plan_templates', 'client_plans', 'plan_sessions', 'plan_revisions',
                             'adjustment_proposals', 'session_logs', 'check_ins', 'plan_rules',
                             'calendar_feeds', 'coach_tasks']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = current_tenant_id())'
                       ' WITH CHECK (tenant_id = current_tenant_id())', t || '_tenant_isolation', t);
    END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON exercises, plan_templates, client_plans, plan_sessions, plan_revisions,
    adjustment_proposals, session_logs, check_ins, plan_rules, calendar_feeds, coach_tasks TO ${app_role};
-- [jooq ignore stop]
