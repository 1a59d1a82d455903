-- Blank is not zero (issue 11): the "disadvantaged" count and the age bands of an activity are optional; one left
-- empty is NULL ("chưa nhập") instead of 0, so sums count only the activities that entered it and say how many did.
alter table activity alter column disadvantaged drop not null, alter column disadvantaged drop default;
alter table activity alter column age_under_15 drop not null, alter column age_under_15 drop default;
alter table activity alter column age_15_35 drop not null, alter column age_15_35 drop default;
alter table activity alter column age_36_60 drop not null, alter column age_36_60 drop default;
alter table activity alter column age_over_60 drop not null, alter column age_over_60 drop default;

alter table activity drop constraint activity_age_breakdown;
alter table activity add constraint activity_age_breakdown
    check (coalesce(age_under_15, 0) + coalesce(age_15_35, 0) + coalesce(age_36_60, 0) + coalesce(age_over_60, 0) <= participations);

-- Rows saved before this change: four zero age bands with people present cannot have been typed (the bands of
-- people who came add up to more than 0), so they were blanks stored as 0. A zero "disadvantaged" may have been
-- typed and is kept as it is.
update activity set age_under_15 = null, age_15_35 = null, age_36_60 = null, age_over_60 = null
where participations > 0 and age_under_15 = 0 and age_15_35 = 0 and age_36_60 = 0 and age_over_60 = 0;

-- The monthly roll-up counts, besides the sum, how many activities entered "disadvantaged" (dn).
alter table activity_month add column dn bigint not null default 0;
update activity_month m set dn = x.dn from (
    select province_id, date_trunc('month', start_date)::date as month, type_code, topic_code, count(disadvantaged) as dn
    from activity group by 1, 2, 3, 4) x
where x.province_id = m.province_id and x.month = m.month and x.type_code = m.type_code and x.topic_code = m.topic_code;

drop trigger activity_month_keep on activity;
drop function activity_month_trigger();
drop function activity_month_add(bigint, date, varchar, varchar, int, int, int, int, int);

create function activity_month_add(pr bigint, m date, ty varchar, tp varchar, sign int,
                                   part int, wom int, eth int, dis int) returns void language sql as $$
    insert into activity_month (province_id, month, type_code, topic_code, n, p, w, e, d, dn)
    values (pr, date_trunc('month', m)::date, ty, tp, sign, sign * part, sign * wom, sign * eth, sign * coalesce(dis, 0),
            case when dis is null then 0 else sign end)
    on conflict (province_id, month, type_code, topic_code) do update
        set n = activity_month.n + excluded.n, p = activity_month.p + excluded.p, w = activity_month.w + excluded.w,
            e = activity_month.e + excluded.e, d = activity_month.d + excluded.d, dn = activity_month.dn + excluded.dn
$$;

create function activity_month_trigger() returns trigger language plpgsql as $$
begin
    if tg_op in ('DELETE', 'UPDATE') then
        perform activity_month_add(old.province_id, old.start_date, old.type_code, old.topic_code, -1,
                                   old.participations, old.women, old.ethnic_minority, old.disadvantaged);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform activity_month_add(new.province_id, new.start_date, new.type_code, new.topic_code, 1,
                                   new.participations, new.women, new.ethnic_minority, new.disadvantaged);
    end if;
    return null;
end $$;

create trigger activity_month_keep after insert or update or delete on activity
    for each row execute function activity_month_trigger();
