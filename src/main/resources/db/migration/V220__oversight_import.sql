-- An imported list of establishments (one row per accepted file): the establishments it created carry its id, and
-- the file itself is kept as an evidence file owned by it, so what was imported can be traced back to the sheet.
create table ovs_import (
    id          bigserial primary key,
    unit_id     bigint       not null references org_unit (id),
    file_name   varchar(255) not null,
    row_count   int          not null,
    imported_by varchar(64)  not null,
    imported_at timestamptz  not null default now()
);
create index ovs_import_unit_idx on ovs_import (unit_id, imported_at);

alter table ovs_establishment add column import_id bigint references ovs_import (id);
