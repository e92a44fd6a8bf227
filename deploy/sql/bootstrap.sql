-- Run once per installation as a PostgreSQL superuser (or ask your DBA), before the first start.
-- Loadwise migrates its schema as loadwise_owner and runs as loadwise_app, which owns nothing and
-- cannot bypass row level security (docs/adr/0001-tenancy.md). Choose your own passwords and give
-- them to the application as LOADWISE_DB_OWNER_PASSWORD and LOADWISE_DB_PASSWORD.
--
--   psql -v owner_password=... -v app_password=... -f deploy/sql/bootstrap.sql

CREATE ROLE loadwise_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE loadwise_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
CREATE DATABASE loadwise OWNER loadwise_owner;
