-- Bounces that come back later as delivery status notifications (issue 6, docs/adr/0010): the
-- worker reads the bounce mailbox, and a DSN names the returned mail by its Message-ID, which
-- carries the notification's id but not its business. Row level security hides every notification
-- until a business is chosen, so the worker first needs that one fact across businesses.
--
-- Chosen: a narrow SECURITY DEFINER function that returns only the tenant_id of one email
-- notification, and nothing else; the worker then binds that business and marks the row as that
-- business, under row level security like every other write.
--  * The tables stay under FORCEd RLS, which binds the owner too, so the function alone would see
--    nothing. The extra policy lets the owner (who runs this migration, and owns the function)
--    read notifications only while loadwise.bounce_lookup is 'on' — which only this function sets,
--    for the one query it runs. The application role can set the variable too, but the policy is not
--    for it: it still sees no rows (checked in BounceIT). The owner could switch RLS off anyway, so
--    this gives it nothing new.
--  * Not chosen: a table of sent mail without RLS (ids only, like notification_queue) — one more
--    insert for every mail sent, on the path the throughput benchmark measures, and one more table
--    for retention to clean; nor asking every business in turn (one query per business per bounce).
-- The id index makes the look-up one index probe; rows are uuids (v7), so ids are unguessable.

CREATE INDEX notifications_email_id_idx ON notifications (id) WHERE channel = 'email';

-- [jooq ignore start]
CREATE POLICY notifications_bounce_lookup ON notifications FOR SELECT TO CURRENT_USER
    USING (current_setting('loadwise.bounce_lookup', true) = 'on');

-- The variable is set inside the function (a SET clause on a function may not name a custom
-- variable unless a superuser creates it) and switched off again before it returns.
CREATE FUNCTION email_notification_tenant(notification uuid) RETURNS uuid
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    business uuid;
BEGIN
    PERFORM set_config('loadwise.bounce_lookup', 'on', true);
    SELECT n.tenant_id INTO business FROM ${flyway:defaultSchema}.notifications n
        WHERE n.id = notification AND n.channel = 'email';
    PERFORM set_config('loadwise.bounce_lookup', 'off', true);
    RETURN business;
END $$;

REVOKE ALL ON FUNCTION email_notification_tenant(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION email_notification_tenant(uuid) TO ${app_role};
-- [jooq ignore stop]
