-- The dated structure 2019-2025: where each version of a unit comes from, and how sure a successor link is.
alter table org_unit add column legal_basis varchar(300);
comment on column org_unit.legal_basis is 'the resolution(s) that brought this version of the unit into force';
alter table org_unit add column end_basis varchar(300);
comment on column org_unit.end_basis is 'the resolution(s) in force the day after this version ended (renamed, merged, moved)';

-- REFORM_2025: the official mapping of 1/7/2025; CODE: the same statistical code continues (rename, new parent);
-- ALIAS: an old name listed as absorbed by a March-2025 unit (secondary source); DERIVED: a district or province
-- whose communes went to the successor; ADMIN: completed on screen by an administrator with its resolution.
alter table org_unit_succession
    add column basis varchar(20) not null default 'REFORM_2025'
        check (basis in ('REFORM_2025', 'CODE', 'ALIAS', 'DERIVED', 'ADMIN')),
    add column certainty varchar(20) not null default 'VERIFIED'
        check (certainty in ('VERIFIED', 'SECONDARY', 'UNCERTAIN', 'UNKNOWN')),
    add column legal_basis varchar(300);
