-- Border-guard posts that centres recorded as partner organisations (partner_org, kind BORDER_POST, V8) become
-- border posts of the outreach module (V160, R44), so that cooperation programmes, joint models and schedule items
-- choose a post from one list per province instead of each commune typing its own.
--
-- Nothing is deleted: the partner_org rows stay where they are (the centre's record and the activity form still name
-- them), and border_post_origin keeps which partner row became which post. Safe to run again: every step skips what an
-- earlier run (or an office) already created. One post per province and name (case and spaces ignored): the same
-- post recorded by several communes becomes one post covering those communes. A post an office already created with
-- that name in the province is reused, not duplicated.

create table border_post_origin (
    -- no foreign key to partner_org: that table belongs to the centre module; the id is kept as a reference
    partner_org_id bigint      primary key,
    post_id        bigint      not null references border_post (id),
    migrated_at    timestamptz not null default now()
);
create index border_post_origin_post_idx on border_post_origin (post_id);

-- 1. one post per province and name that has no post yet
insert into border_post (unit_id, name)
select s.province_id, min(s.name)
from (select u.province_id, btrim(p.name) as name, lower(regexp_replace(btrim(p.name), '\s+', ' ', 'g')) as key
      from partner_org p join xhht_unit u on u.id = p.unit_id
      where p.kind = 'BORDER_POST' and u.province_id is not null
        and not exists (select 1 from border_post_origin o where o.partner_org_id = p.id)) s
where not exists (select 1 from border_post b where b.unit_id = s.province_id
                    and lower(regexp_replace(btrim(b.name), '\s+', ' ', 'g')) = s.key)
group by s.province_id, s.key;

-- 2. which partner row became which post
insert into border_post_origin (partner_org_id, post_id)
select p.id, (select b.id from border_post b where b.unit_id = u.province_id
                and lower(regexp_replace(btrim(b.name), '\s+', ' ', 'g')) = lower(regexp_replace(btrim(p.name), '\s+', ' ', 'g'))
              order by b.id limit 1)
from partner_org p join xhht_unit u on u.id = p.unit_id
where p.kind = 'BORDER_POST' and u.province_id is not null
  and not exists (select 1 from border_post_origin o where o.partner_org_id = p.id);

-- 3. the commune that recorded the post is covered by it. partner_org has no dates, so the link runs over the
-- commune's own life: from the day the commune was formed (1/1/1900, the earliest date the application takes, for a
-- commune whose start is not recorded) to its end, if it has one.
insert into border_post_commune (post_id, commune_id, valid_from, valid_to)
select distinct o.post_id, p.unit_id, coalesce(u.valid_from, date '1900-01-01'), u.valid_to
from border_post_origin o join partner_org p on p.id = o.partner_org_id join xhht_unit u on u.id = p.unit_id
where not exists (select 1 from border_post_commune c where c.post_id = o.post_id and c.commune_id = p.unit_id);

-- 4. the audit trail says where each post came from
insert into audit_event (actor, action, entity_type, entity_id, unit_id, province_id, summary, after_data)
select 'Hệ thống', 'CREATE', 'BorderPost', cast(o.post_id as text), b.unit_id, b.unit_id,
       'Chuyển đồn Biên phòng từ danh sách đơn vị phối hợp của trung tâm: ' || b.name,
       jsonb_build_object('name', b.name, 'fromPartnerOrgIds', array_agg(o.partner_org_id order by o.partner_org_id))
from border_post_origin o join border_post b on b.id = o.post_id
where not exists (select 1 from audit_event a where a.entity_type = 'BorderPost' and a.entity_id = cast(o.post_id as text)
                    and a.actor = 'Hệ thống')
group by o.post_id, b.unit_id, b.name;
