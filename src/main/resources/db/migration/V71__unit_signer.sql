-- Who signs the documents XHHT drafts for a unit (NĐ 30/2020: the signer's full name under the position): the
-- chairman of the unit's People's Committee and the head of its education agency (Giám đốc Sở / Trưởng phòng).
-- Kept by the unit itself; a document leaves the name line empty while nobody is recorded.
create table unit_signer (
    unit_id             bigint primary key references org_unit (id),
    chair_name          varchar(120),
    education_head_name varchar(120),
    updated_by          varchar(64),
    updated_at          timestamptz not null default now()
);
