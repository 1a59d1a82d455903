-- Attributes of a commune as dated data (issue 18, item 3): border commune, zone, especially difficult commune, region
-- of the ethnic-minority and mountainous area (I, II, III) and island commune, each with the period it is in force, the
-- decision it comes from and how sure that is. The lists change with each decision (QĐ 582/QĐ-TTg for 2016–2020,
-- QĐ 861/QĐ-TTg for 2021–2025, …) and with each reform of the units, so a filter on a date reads the row valid that
-- day, never a flag on the unit. A blank is "not known", an explicit 'false' is "known not to be".
create table unit_attribute (
    id          bigserial primary key,
    unit_id     bigint       not null references org_unit (id),
    attribute   varchar(30)  not null check (attribute in ('BORDER', 'ZONE', 'ESPECIALLY_DIFFICULT', 'EM_REGION', 'ISLAND')),
    value       varchar(10)  not null,
    valid_from  date         not null,
    valid_to    date,
    legal_basis varchar(300) not null,
    certainty   varchar(12)  not null check (certainty in ('VERIFIED', 'SECONDARY', 'UNCERTAIN', 'UNKNOWN')),
    source      varchar(300),
    recorded_by varchar(64)  not null,
    recorded_at timestamptz  not null default now(),
    constraint unit_attribute_period check (valid_to is null or valid_to >= valid_from),
    constraint unit_attribute_value check (
        (attribute in ('BORDER', 'ESPECIALLY_DIFFICULT', 'ISLAND') and value in ('true', 'false'))
        or (attribute = 'ZONE' and value in ('HIGHLAND', 'LOWLAND'))
        or (attribute = 'EM_REGION' and value in ('I', 'II', 'III')))
);
create index unit_attribute_unit_idx on unit_attribute (unit_id, attribute, valid_from);
create index unit_attribute_filter_idx on unit_attribute (attribute, value, valid_from);

-- The value of an attribute of a unit on a day (null: not known), for other modules' filters.
create function xhht_unit_attribute(p_unit bigint, p_attribute text, p_day date)
    returns text
    language sql stable
as $$
    select a.value from unit_attribute a
    where a.unit_id = p_unit and a.attribute = p_attribute and a.valid_from <= p_day and (a.valid_to is null or a.valid_to >= p_day)
    order by a.valid_from desc limit 1
$$;
