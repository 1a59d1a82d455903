-- Monthly roll-up of activities per province, type and topic, kept by a trigger in the same transaction as the
-- activity itself: national and provincial summaries over whole months read a few thousand rows instead of every
-- activity (the raw table is still read for partial months at the edges of a period).
create table activity_month (
    province_id bigint      not null,
    month       date        not null,
    type_code   varchar(40) not null,
    topic_code  varchar(40) not null,
    n           bigint      not null,
    p           bigint      not null,
    w           bigint      not null,
    e           bigint      not null,
    d           bigint      not null,
    primary key (province_id, month, type_code, topic_code)
);

create function activity_month_add(pr bigint, m date, ty varchar, tp varchar, sign int,
                                   part int, wom int, eth int, dis int) returns void language sql as $$
    insert into activity_month (province_id, month, type_code, topic_code, n, p, w, e, d)
    values (pr, date_trunc('month', m)::date, ty, tp, sign, sign * part, sign * wom, sign * eth, sign * dis)
    on conflict (province_id, month, type_code, topic_code) do update
        set n = activity_month.n + excluded.n, p = activity_month.p + excluded.p, w = activity_month.w + excluded.w,
            e = activity_month.e + excluded.e, d = activity_month.d + excluded.d
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

insert into activity_month (province_id, month, type_code, topic_code, n, p, w, e, d)
select province_id, date_trunc('month', start_date)::date, type_code, topic_code, count(*), sum(participations), sum(women),
       sum(ethnic_minority), sum(disadvantaged)
from activity group by 1, 2, 3, 4;

create index activity_date_cover_idx on activity (start_date)
    include (type_code, topic_code, participations, women, ethnic_minority, disadvantaged);
