-- Issue-7 benchmark data: a test province "Tỉnh Bench Báo cáo" with one commune for every commune of the country
-- valid today (3,321), each with an APPROVED quarterly centre report for 2026Q3 (every numeric field filled), plus
-- the same for 2025Q3 (last year beside every figure). Run against a scratch database only (bench/reporting/run.sh).
\timing on
\set ON_ERROR_STOP on
insert into org_unit (code, name, type, level, parent_id, province_id, valid_from, source)
select 'BENCH7', 'Tỉnh Bench Báo cáo', 'Tỉnh', 1, id, null, '2025-07-01', 'BENCH' from org_unit where level = 0;
update org_unit u set path = n.path || u.id || '/', province_id = u.id from org_unit n where n.level = 0 and u.code = 'BENCH7';

insert into org_unit (code, name, type, level, parent_id, province_id, valid_from, source)
select 'B7' || c.code, c.name, c.type, 3, p.id, p.id, '2025-07-01', 'BENCH'
from org_unit c, org_unit p where c.level = 3 and c.valid_to is null and c.source <> 'BENCH' and p.code = 'BENCH7';
update org_unit u set path = p.path || u.id || '/' from org_unit p where p.code = 'BENCH7' and u.parent_id = p.id;
insert into centre (commune_id, province_id, name)
select u.id, u.province_id, 'TTHTCĐ ' || u.name from org_unit u where u.source = 'BENCH' and u.level = 3;

create temp table bench_period (code text, f date, t date);
insert into bench_period values ('2026Q3', '2026-07-01', '2026-09-30'), ('2025Q3', '2025-07-01', '2025-09-30');

insert into report (template_code, period_code, unit_id, province_id, period_from, period_to, created_by)
select 'centre-quarterly', p.code, u.id, u.province_id, p.f, p.t, 'bench'
from org_unit u cross join bench_period p where u.source = 'BENCH' and u.level = 3;

insert into review_state (subject_type, subject_id, owner_unit_id, reviewer_unit_id, province_id, status, due_date, submitted_at, decided_at)
select 'Report', r.id, r.unit_id, r.province_id, r.province_id, 'APPROVED', r.period_to,
       r.period_to - ((r.id % 9) - 4) * interval '1 day', r.period_to + interval '5 days'
from report r join org_unit u on u.id = r.unit_id where u.source = 'BENCH';

-- every numeric field of the template, plausible values; the narrative fields filled too
insert into report_value (report_id, field_code, num, source_value)
select r.id, f.code, v, v
from report r join org_unit u on u.id = r.unit_id and u.source = 'BENCH'
cross join lateral (values
    ('activities', 20 + r.id % 30), ('thematic_sessions', 8 + r.id % 10), ('vocational_classes', r.id % 4),
    ('participations', 900 + r.id % 700), ('women', 450 + r.id % 300), ('ethnic_minority', 100 + r.id % 200),
    ('disadvantaged', 20 + r.id % 50), ('age_under_15', 100 + r.id % 90), ('age_15_35', 300 + r.id % 200),
    ('age_36_60', 300 + r.id % 150), ('age_over_60', 100 + r.id % 100), ('clubs', 2 + r.id % 5), ('club_members', 40 + r.id % 60),
    ('literacy_classes', r.id % 2), ('literacy_learners', (r.id % 2) * 25), ('target_participations', 4000),
    ('achieved_participations', round((900 + r.id % 700) * 100.0 / 4000, 1)), ('target_thematic', 40),
    ('achieved_thematic', round((8 + r.id % 10) * 100.0 / 40, 1))) as f(code, v);
insert into report_value (report_id, field_code, txt)
select r.id, f.code, f.t from report r join org_unit u on u.id = r.unit_id and u.source = 'BENCH'
cross join (values ('results', 'Hoàn thành kế hoạch quý.'), ('difficulties', 'Kinh phí hạn hẹp.'), ('proposals', null)) as f(code, t);
vacuum analyze report;
vacuum analyze report_value;
vacuum analyze review_state;
select count(*) as bench_reports from report r join org_unit u on u.id = r.unit_id and u.source = 'BENCH';
select count(*) as bench_values from report_value v join report r on r.id = v.report_id join org_unit u on u.id = r.unit_id and u.source = 'BENCH';
