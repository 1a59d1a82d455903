-- Issue 14 (R27): emulation plans and clusters are edited after creation; a version makes a second editor's stale
-- save refused instead of silently overwriting the first one's.
alter table emulation_plan add column version bigint not null default 0;
alter table emulation_cluster add column version bigint not null default 0;
