-- Instances that start together apply this script one at a time. The whole script is one statement
-- (spring.sql.init.separator), which PostgreSQL runs as one transaction, and this lock is held until it commits;
-- without it, two instances creating the same table at once collide in PostgreSQL's catalog.
select pg_advisory_xact_lock(hashtext('roundtable-gateway-schema'));

-- Each user's request budget, shared by every gateway instance. Unlogged: a decision costs no write-ahead log flush,
-- and a crash of the database only refills every bucket.
create unlogged table if not exists gateway_rate_limit (
    user_key   text primary key,
    tokens     double precision not null,
    allowed    boolean not null,
    updated_at timestamptz not null
);

-- Browser sessions, known to every gateway instance and kept across restarts.
create table if not exists gateway_session (
    id                   text primary key,
    created_at           timestamptz not null,
    last_accessed_at     timestamptz not null,
    max_inactive_seconds integer not null,
    expires_at           timestamptz not null,
    attributes           bytea not null
);
create index if not exists gateway_session_expires_at on gateway_session (expires_at);
