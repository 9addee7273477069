-- Instances that start together apply this script one at a time: it is sent whole, as one transaction
-- (spring.sql.init.separator in the kit's defaults), and this lock is held until it commits.
select pg_advisory_xact_lock(hashtext('roundtable-audit-schema'));

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
-- The auditor views follow a proposal through the ids its events carry (the benchmarks' audit-views times them at 1 M entries).
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
create index if not exists ledger_entry_actor on ledger_entry (actor_id, position);

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

-- The power map, kept as the ledger grows (org.roundtable.audit.powermap.PowerMapFold): the facts later entries rely on
-- (a case's area and panel, a fund, a pledge's giver, people's names), what each entry counted for whom and in which
-- service area, the same summed per day (so a long period reads days, not entries), and the decisions reached.
-- Derived from ledger_entry alone: emptied and folded again from the first entry whenever it is behind or ahead of it.
create table if not exists power_map_fact (
    kind            varchar(20)  not null,
    id              text         not null,
    fact            text         not null,
    primary key (kind, id)
);
create table if not exists power_map_contribution (
    position        bigint       not null,
    occurred_at     timestamptz  not null,
    area            text,
    actor_id        text,
    role            text,
    measure         varchar(30)  not null,
    amount          numeric,
    currency        text,
    ref             text
);
create index if not exists power_map_contribution_measure on power_map_contribution (measure, occurred_at);
create index if not exists power_map_contribution_occurred_at on power_map_contribution (occurred_at);
create index if not exists power_map_contribution_withdrawn on power_map_contribution (ref) where measure = 'PLEDGE_WITHDRAWN';
-- Per UTC day: '' stands for an unknown area, role or currency.
create table if not exists power_map_day (
    day             date         not null,
    area            text         not null,
    actor_id        text         not null,
    role            text         not null,
    measure         varchar(30)  not null,
    currency        text         not null,
    n               bigint       not null,
    amount          numeric,
    primary key (day, area, actor_id, role, measure, currency)
);
create table if not exists power_map_decision (
    position        bigint       primary key,
    occurred_at     timestamptz  not null,
    area            text,
    decision        text         not null
);
create index if not exists power_map_decision_occurred_at on power_map_decision (occurred_at);
create table if not exists power_map_folded (
    id              smallint     primary key check (id = 1),
    position        bigint       not null
);
insert into power_map_folded (id, position) values (1, 0) on conflict (id) do nothing;
-- The map of all time in every area, summed since the first entry per actor, role, measure, currency and (for money
-- allocated from a fund) fund, so that it reads as many rows as there are actors and funds, however long the ledger:
-- recusals count each case once (refs), hours pledged leave out every pledge withdrawn. Tables folded before these
-- sums were kept are folded again from the first entry.
do $$
begin
    if to_regclass('power_map_all_time') is null then
        create table power_map_all_time (
            actor_id        text         not null,
            role            text         not null,
            measure         varchar(30)  not null,
            currency        text         not null,
            ref             text         not null,
            n               bigint       not null,
            amount          numeric,
            refs            bigint       not null,
            primary key (actor_id, role, measure, currency, ref)
        );
        truncate power_map_fact, power_map_contribution, power_map_day, power_map_decision;
        update power_map_folded set position = 0;
    end if;
end $$;
