-- The five steps of a commune's evaluation (seed 004, TT 44/2014 procedure): the self-check plan approved by the
-- commune chairman (step 1), the dossier's documents (step 2), the check plan approved within 10 working days of
-- receiving a complete, valid dossier (step 3), the check team composed from the criteria (step 4); the decision
-- within 5 working days of the check result (step 5) is the existing decision.
alter table evaluation add column self_plan_number varchar(60);
alter table evaluation add column self_plan_date date;
alter table evaluation add column self_plan_approver varchar(200);
alter table evaluation add column check_plan_number varchar(60);
alter table evaluation add column check_plan_date date;
alter table evaluation add column check_plan_approver varchar(200);
alter table evaluation add column planned_at timestamptz;
alter table evaluation drop constraint evaluation_stage_check;
alter table evaluation add constraint evaluation_stage_check check (stage in ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED',
    'PLANNED', 'CHECKED', 'PROPOSED', 'DECIDED', 'PUBLISHED'));

-- One line per document the framework lists for the dossier; its files are evidence files owned by the line.
create table eval_dossier_document (
    id            bigserial primary key,
    evaluation_id bigint       not null references evaluation (id),
    position      integer      not null,
    title         varchar(300) not null,
    unique (evaluation_id, position)
);

-- The check team: who, from which organisation, for which criteria.
create table eval_check_member (
    id            bigserial primary key,
    evaluation_id bigint       not null references evaluation (id),
    member_name   varchar(200) not null,
    organisation  varchar(300) not null,
    position      varchar(200),
    criteria      varchar(500) not null
);
create index eval_check_member_idx on eval_check_member (evaluation_id, id);
