-- Figures across the reforms. A unit's series before a reform is the sum of the units it took over: wholly for a
-- predecessor that went into it whole (FULL), and for one split across several successors (PARTIAL) only the figures
-- of the hamlets the commune or province assigned to it, once, with a basis. Figures of a split unit with no hamlet
-- (or an unassigned one) stay "not allocated" and are shown as such.

-- Which successor each hamlet of a split commune went to.
create table hamlet_successor (
    hamlet_id    bigint primary key references org_unit (id),
    successor_id bigint       not null references org_unit (id),
    legal_basis  varchar(300) not null,
    assigned_by  varchar(64)  not null,
    assigned_at  timestamptz  not null default now(),
    version      bigint       not null default 0
);
create index hamlet_successor_successor_idx on hamlet_successor (successor_id);

-- The units whose figures make up p_unit's series: every commune of p_unit (itself when a commune) and every unit
-- these took over, transitively. whole: all its figures count (it went wholly into the communes of p_unit);
-- otherwise only the figures of hamlets assigned to p_unit (xhht_lineage_hamlet_in). reconstructed: a predecessor,
-- not p_unit's own commune.
create function xhht_lineage(p_unit bigint)
    returns table (unit_id bigint, whole boolean, reconstructed boolean)
    language sql stable
as $$
    with recursive target as (
        select id, path, level from org_unit where id = p_unit
    ), own as (
        select u.id from org_unit u, target t
        where u.level = 3 and (u.id = t.id or u.path like t.path || '%')
    ), chain (id, full_path, depth) as (
        select id, true, 0 from own
        union
        select s.predecessor_id, c.full_path and s.coverage = 'FULL', c.depth + 1
        from org_unit_succession s join chain c on c.id = s.successor_id
    ), members as (
        select id, bool_or(full_path) as full_path, min(depth) as depth from chain group by id
    )
    select m.id,
           m.full_path or not exists (select 1 from org_unit_succession s
                                      where s.predecessor_id = m.id
                                        and s.successor_id not in (select id from members)),
           m.depth > 0
    from members m
$$;

-- Whether the figures of this hamlet (of a split commune) belong to p_unit: its hamlet went to a commune of p_unit.
create function xhht_lineage_hamlet_in(p_unit bigint, p_hamlet bigint)
    returns boolean
    language sql stable
as $$
    select exists (select 1 from hamlet_successor hs
                   join org_unit s on s.id = hs.successor_id
                   join org_unit t on t.id = p_unit
                   where hs.hamlet_id = p_hamlet and (s.id = t.id or s.path like t.path || '%'))
$$;

-- Whether a hamlet of a split commune has been assigned to any successor.
create function xhht_lineage_hamlet_assigned(p_hamlet bigint)
    returns boolean
    language sql stable
as $$
    select exists (select 1 from hamlet_successor where hamlet_id = p_hamlet)
$$;
