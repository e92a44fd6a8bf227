-- deploy/sql/bootstrap.sql with the local passwords, for deploy/compose.yaml only.
CREATE ROLE loadwise_owner LOGIN PASSWORD 'loadwise_owner_local';
CREATE ROLE loadwise_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD 'loadwise_app_local';
CREATE DATABASE loadwise OWNER loadwise_owner;
