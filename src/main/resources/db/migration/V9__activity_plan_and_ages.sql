-- Planned participations and the age-group breakdown of participations (issue 4, part 6).
alter table activity add column planned_participations integer check (planned_participations >= 0);
alter table activity add column age_under_15 integer not null default 0 check (age_under_15 >= 0);
alter table activity add column age_15_35 integer not null default 0 check (age_15_35 >= 0);
alter table activity add column age_36_60 integer not null default 0 check (age_36_60 >= 0);
alter table activity add column age_over_60 integer not null default 0 check (age_over_60 >= 0);
alter table activity add constraint activity_age_breakdown
    check (age_under_15 + age_15_35 + age_36_60 + age_over_60 <= participations);
