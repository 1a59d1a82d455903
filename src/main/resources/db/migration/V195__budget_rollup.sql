-- The province budget summary summed every line of every centre of the province on each call (3,321 centres × 50
-- lines: p95 936 ms against a 200 ms target; EXPLAIN showed 166,050 index probes into budget_line, one heap page
-- each). Two roll-ups kept by the database itself, in the same transaction as the line, so no writer (service,
-- import, benchmark, fix-up script) can leave them stale:
--  * each budget carries its own totals per stage (the per-centre table and the heads read budgets only);
--  * budget_rollup holds, per province and year, the sums per stage, source and category (the province and
--    national summaries read a few dozen rows instead of every line).
-- Lines are never updated by the application (a correction is a new line), but an update is handled as a delete
-- plus an insert so that a manual fix keeps the sums right.

alter table budget
    add column est_revenue_vnd  bigint not null default 0,
    add column est_spending_vnd bigint not null default 0,
    add column allocated_vnd    bigint not null default 0,
    add column received_vnd     bigint not null default 0,
    add column spent_vnd        bigint not null default 0,
    add column settled_vnd      bigint not null default 0,
    add column line_count       integer not null default 0;

create table budget_rollup (
    province_id  bigint      not null references org_unit (id),
    budget_year  integer     not null,
    stage        varchar(20) not null,
    source       varchar(20) not null default '',
    category     varchar(40) not null default '',
    amount_vnd   bigint      not null,
    line_count   integer     not null,
    primary key (province_id, budget_year, stage, source, category)
);

create function budget_rollup_apply(l budget_line, sign integer) returns void
    language plpgsql
as $$
declare
    b record;
begin
    update budget set
        est_revenue_vnd  = est_revenue_vnd  + case when l.stage = 'ESTIMATE' and l.category is null then sign * l.amount_vnd else 0 end,
        est_spending_vnd = est_spending_vnd + case when l.stage = 'ESTIMATE' and l.category is not null then sign * l.amount_vnd else 0 end,
        allocated_vnd    = allocated_vnd    + case when l.stage = 'ALLOCATION' then sign * l.amount_vnd else 0 end,
        received_vnd     = received_vnd     + case when l.stage = 'RECEIPT' then sign * l.amount_vnd else 0 end,
        spent_vnd        = spent_vnd        + case when l.stage = 'SPENDING' then sign * l.amount_vnd else 0 end,
        settled_vnd      = settled_vnd      + case when l.stage = 'SETTLEMENT' then sign * l.amount_vnd else 0 end,
        line_count       = line_count + sign
    where id = l.budget_id
    returning province_id, budget_year into b;
    insert into budget_rollup as x (province_id, budget_year, stage, source, category, amount_vnd, line_count)
    values (b.province_id, b.budget_year, l.stage, coalesce(l.source, ''), coalesce(l.category, ''), sign * l.amount_vnd, sign)
    on conflict (province_id, budget_year, stage, source, category)
    do update set amount_vnd = x.amount_vnd + excluded.amount_vnd, line_count = x.line_count + excluded.line_count;
end
$$;

create function budget_line_rollup() returns trigger
    language plpgsql
as $$
begin
    if TG_OP in ('DELETE', 'UPDATE') then
        perform budget_rollup_apply(OLD, -1);
    end if;
    if TG_OP in ('INSERT', 'UPDATE') then
        perform budget_rollup_apply(NEW, 1);
    end if;
    return null;
end
$$;

create trigger budget_line_rollup after insert or update or delete on budget_line
    for each row execute function budget_line_rollup();

update budget b set
    est_revenue_vnd  = t.est_rev, est_spending_vnd = t.est_spend, allocated_vnd = t.allocated,
    received_vnd = t.received, spent_vnd = t.spent, settled_vnd = t.settled, line_count = t.n
from (select budget_id,
             coalesce(sum(amount_vnd) filter (where stage = 'ESTIMATE' and category is null), 0) as est_rev,
             coalesce(sum(amount_vnd) filter (where stage = 'ESTIMATE' and category is not null), 0) as est_spend,
             coalesce(sum(amount_vnd) filter (where stage = 'ALLOCATION'), 0) as allocated,
             coalesce(sum(amount_vnd) filter (where stage = 'RECEIPT'), 0) as received,
             coalesce(sum(amount_vnd) filter (where stage = 'SPENDING'), 0) as spent,
             coalesce(sum(amount_vnd) filter (where stage = 'SETTLEMENT'), 0) as settled,
             count(*) as n
        from budget_line group by budget_id) t
where t.budget_id = b.id;

insert into budget_rollup (province_id, budget_year, stage, source, category, amount_vnd, line_count)
select b.province_id, b.budget_year, l.stage, coalesce(l.source, ''), coalesce(l.category, ''), sum(l.amount_vnd), count(*)
  from budget_line l join budget b on b.id = l.budget_id
 group by b.province_id, b.budget_year, l.stage, coalesce(l.source, ''), coalesce(l.category, '');
