-- Unit scope, owned by the orgunit module: "the units in my area" in its named meanings, so that no other module
-- writes `path like` or walks org_unit_succession itself (the path format and the succession links stay orgunit's
-- business). Each function returns unit ids; callers write `x.unit_id in (select id from xhht_read_scope(:unit))`.
-- The Java names are vn.xhht.orgunit.UnitScope; docs/architecture.md says which list uses which scope.

-- Own subtree: the unit and every unit below it (write scope; a unit's own figures).
create function xhht_unit_subtree(root bigint) returns table (id bigint)
    language sql stable parallel safe
as $$
    select u.id from org_unit u where u.path like (select r.path from org_unit r where r.id = root) || '%'
$$;

-- Read scope: the subtree of the unit and of every unit it succeeded, transitively, FULL or PARTIAL (a province
-- officer of Cao Bằng since 1/7/2025 reads the old districts of Cao Bằng and of Bắc Kạn).
create function xhht_read_scope(root bigint) returns table (id bigint)
    language sql stable parallel safe
as $$
    with recursive roots(id) as (
        select root
        union
        select s.predecessor_id from org_unit_succession s join roots r on s.successor_id = r.id
    )
    select u.id from org_unit u
    where exists (select 1 from org_unit r where r.id in (select id from roots) and u.path like r.path || '%')
$$;

-- Roll-up scope: the subtree of the unit and of the units it FULLY succeeded, transitively. Figures summed for a
-- unit count an old unit only when all of it went into this one (a PARTIAL predecessor would be counted twice).
create function xhht_rollup_scope(root bigint) returns table (id bigint)
    language sql stable parallel safe
as $$
    with recursive roots(id) as (
        select root
        union
        select s.predecessor_id from org_unit_succession s join roots r on s.successor_id = r.id where s.coverage = 'FULL'
    )
    select u.id from org_unit u
    where exists (select 1 from org_unit r where r.id in (select id from roots) and u.path like r.path || '%')
$$;

-- The line above: the unit and its ancestors up to the nation (what was issued or planned "above" a unit).
create function xhht_unit_line(unit bigint) returns table (id bigint)
    language sql stable parallel safe
as $$
    select cast(x as bigint) from unnest(string_to_array(trim(both '/' from (select path from org_unit where id = unit)), '/')) x
$$;

-- The published read model of a unit for other modules' queries (names, levels, validity, attributes). `line` holds
-- the ids from the nation down to the unit (line[1] the nation, line[level + 1] the unit itself), so a per-child
-- breakdown under a unit of level L groups by line[L + 2]; the path text itself stays internal to orgunit. Text
-- columns are published as text: their lengths are the table's business (shared.TextLimits lists table columns).
create view xhht_unit as
select u.id, cast(u.code as text) as code, cast(u.name as text) as name, cast(u.type as text) as type, u.level,
       u.parent_id, u.province_id, u.valid_from, u.valid_to, u.border_commune, cast(u.zone as text) as zone, u.especially_difficult, u.ethnic_minority_area, u.search_name,
       cast(string_to_array(trim(both '/' from u.path), '/') as bigint[]) as line
from org_unit u;
