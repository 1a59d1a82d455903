-- Learning materials (R38): the library of books, booklets, slides and videos the centres use, compiled by the
-- TTGDNN-GDTX, the offices or the centres themselves and shared with the area of the unit that holds them (the
-- unit and every unit below it). Files are evidence files (type checked by content, size limits); a material may
-- instead, or also, point to a link. The office approves a material through the shared review workflow. Activities
-- link the materials they used.

create table learning_material (
    id             bigserial primary key,
    unit_id        bigint        not null references org_unit (id),
    province_id    bigint        not null references org_unit (id),
    title          varchar(300)  not null,
    kind           varchar(20)   not null check (kind in ('BOOK', 'BOOKLET', 'DOCUMENT', 'SLIDES', 'VIDEO', 'AUDIO', 'OTHER')),
    topic          varchar(300),
    audience       varchar(300),
    author_org     varchar(300),
    source         varchar(300),
    link           varchar(1000),
    edition        varchar(50),
    medium         varchar(20)   check (medium in ('PRINT', 'DIGITAL', 'BOTH')),
    copies         integer       check (copies >= 0),
    licence        varchar(300),
    who_may_use    varchar(500),
    downloads      integer       not null default 0,
    search_key     text          generated always as (xhht_search_key(title || ' ' || coalesce(topic, '') || ' ' || coalesce(author_org, '') || ' ' || coalesce(audience, ''))) stored,
    created_by     varchar(64),
    created_at     timestamptz   not null default now(),
    updated_at     timestamptz,
    version        bigint        not null default 0
);
create index learning_material_province_idx on learning_material (province_id);
create index learning_material_unit_idx on learning_material (unit_id);

create table learning_material_use (
    material_id  bigint       not null references learning_material (id),
    activity_id  bigint       not null references activity (id),
    linked_by    varchar(64),
    linked_at    timestamptz  not null default now(),
    primary key (material_id, activity_id)
);
create index learning_material_use_activity_idx on learning_material_use (activity_id);
