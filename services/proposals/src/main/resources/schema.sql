-- Instances that start together apply this script one at a time: it is sent whole, as one transaction
-- (spring.sql.init.separator in the kit's defaults), and this lock is held until it commits.
select pg_advisory_xact_lock(hashtext('roundtable-proposals-schema'));

-- Text search is a case-insensitive substring of the title or the aspiration (lower(x) like '%words%'); trigram
-- indexes answer it without reading every proposal (a pattern of fewer than three characters still reads them all).
create extension if not exists pg_trgm;
create index if not exists proposal_view_title_trigrams on proposal_view using gin (lower(title) gin_trgm_ops);
create index if not exists proposal_view_aspiration_trigrams on proposal_view using gin (lower(aspiration) gin_trgm_ops);
