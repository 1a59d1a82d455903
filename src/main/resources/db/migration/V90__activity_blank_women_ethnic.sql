-- Blank is not zero (issue 11): "of whom women" and "of whom ethnic minority" of an activity are optional like the
-- age bands; one left empty is NULL ("chưa nhập"), so sums count only the activities that entered it and say how many.
-- Rows saved before this change keep their value: a stored 0 may have been typed and cannot be told apart.
alter table activity alter column women drop not null, alter column women drop default;
alter table activity alter column ethnic_minority drop not null, alter column ethnic_minority drop default;

-- The monthly roll-up counts, besides the sums, how many activities entered women (wn) and ethnic minority (en).
alter table activity_month add column wn bigint not null default 0, add column en bigint not null default 0;
update activity_month set wn = n, en = n;

drop trigger activity_month_keep on activity;
drop function activity_month_trigger();
drop function activity_month_add(bigint, date, varchar, varchar, int, int, int, int, int);

create function activity_month_add(pr bigint, m date, ty varchar, tp varchar, sign int,
                                   part int, wom int, eth int, dis int) returns void language sql as $$
    insert into activity_month (province_id, month, type_code, topic_code, n, p, w, e, d, dn, wn, en)
    values (pr, date_trunc('month', m)::date, ty, tp, sign, sign * part, sign * coalesce(wom, 0), sign * coalesce(eth, 0),
            sign * coalesce(dis, 0), case when dis is null then 0 else sign end,
            case when wom is null then 0 else sign end, case when eth is null then 0 else sign end)
    on conflict (province_id, month, type_code, topic_code) do update
        set n = activity_month.n + excluded.n, p = activity_month.p + excluded.p, w = activity_month.w + excluded.w,
            e = activity_month.e + excluded.e, d = activity_month.d + excluded.d, dn = activity_month.dn + excluded.dn,
            wn = activity_month.wn + excluded.wn, en = activity_month.en + excluded.en
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
