-- The ledger: append-only. ledger_entry is the contract the audit views read (see the module's javadoc).
create table if not exists ledger_entry (
    position        bigint       primary key,
    event_id        varchar(100) not null unique,
    source          varchar(40)  not null,
    type            varchar(200) not null,
    event_name      varchar(100) not null,
    subject         varchar(200) not null,
    actor_id        varchar(200),
    actor_role      varchar(40),
    actor_name      varchar(200),
    correlation_id  varchar(200),
    causation_id    varchar(200),
    sequence        bigint,
    occurred_at     timestamptz  not null,
    recorded_at     timestamptz  not null,
    topic           varchar(200) not null,
    kafka_partition integer      not null,
    kafka_offset    bigint       not null,
    payload         text         not null,
    previous_hash   varchar(64)  not null,
    hash            varchar(64)  not null,
    headers         text         not null,
    chain_index     bigint       not null,
    -- the payload as jsonb when PostgreSQL can index it (not for an undecodable record or a payload jsonb refuses)
    payload_json    jsonb
);
alter table ledger_entry add column if not exists payload_json jsonb;
create index if not exists ledger_entry_chain on ledger_entry (topic, kafka_partition, chain_index);
create index if not exists ledger_entry_subject on ledger_entry (subject);
create index if not exists ledger_entry_occurred_at on ledger_entry (occurred_at);
-- The auditor views follow a proposal through the ids its events carry; AuditViewsBenchmark measures what these save.
-- Only payload_json is indexed: an index over payload::jsonb would refuse a payload jsonb cannot hold, and stop the ledger.
drop index if exists ledger_entry_payload_proposal;
drop index if exists ledger_entry_payload_case;
drop index if exists ledger_entry_payload_initiative;
create index if not exists ledger_entry_json_proposal on ledger_entry ((payload_json ->> 'proposalId'));
create index if not exists ledger_entry_json_case on ledger_entry ((payload_json ->> 'caseId'));
create index if not exists ledger_entry_json_initiative on ledger_entry ((payload_json ->> 'initiativeId'));
create index if not exists ledger_entry_event_name on ledger_entry (event_name, occurred_at);
-- "Why did this happen" follows causation ids forwards.
create index if not exists ledger_entry_causation on ledger_entry (causation_id);

-- The writer's state per chain (one chain per topic partition): how far it has read and the head it appends to.
create table if not exists ledger_chain (
    topic           varchar(200) not null,
    kafka_partition integer      not null,
    size            bigint       not null,
    head_hash       varchar(64)  not null,
    next_offset     bigint       not null,
    frontier        text         not null,
    primary key (topic, kafka_partition)
);

-- The log: one RFC 9162 Merkle tree over every entry in position order (leaf i commits the entry at position i + 1,
-- its position and hash). Every complete subtree is kept as it is completed, so inclusion and consistency proofs read
-- O(log² n) rows and never the entries.
create table if not exists ledger_log_node (
    level           smallint     not null,
    idx             bigint       not null,
    hash            bytea        not null,
    primary key (level, idx)
);

-- Every signed checkpoint of the log, as its C2SP signed note (with the witnesses' cosignatures added as they come).
create table if not exists ledger_log_checkpoint (
    tree_size       bigint       primary key,
    root_hash       varchar(64)  not null,
    issued_at       timestamptz  not null,
    note            text         not null
);
