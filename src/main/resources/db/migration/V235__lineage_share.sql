-- Owned by orgunit. One published answer to "which rows of a commune count in this unit's series across the reforms",
-- so that series of every module (literacy, centre activities, evaluation results) join one set instead of each
-- repeating xhht_lineage with xhht_lineage_hamlet_in / xhht_lineage_hamlet_assigned per row.
-- One row per commune of xhht_lineage(p_unit): a commune that counts whole has whole = true and hamlet_id null (every
-- row of it). A commune split across several successors has one row per hamlet (ours: the hamlet went to p_unit;
-- not_allocated: no successor assigned yet) and one with hamlet_id null for rows without a hamlet (not allocated).
-- Callers join: x.commune_id = l.commune_id and (l.whole or l.hamlet_id is not distinct from x.hamlet_id).
create function xhht_lineage_share(p_unit bigint)
    returns table (commune_id bigint, hamlet_id bigint, whole boolean, ours boolean, reconstructed boolean, not_allocated boolean)
    language sql stable
as $$
    select l.unit_id, null::bigint, true, true, l.reconstructed, false
    from xhht_lineage(p_unit) l where l.whole
    union all
    select l.unit_id, h.id, false, xhht_lineage_hamlet_in(p_unit, h.id), l.reconstructed, not xhht_lineage_hamlet_assigned(h.id)
    from xhht_lineage(p_unit) l join org_unit h on h.parent_id = l.unit_id and h.level = 4
    where not l.whole
    union all
    select l.unit_id, null::bigint, false, false, l.reconstructed, true
    from xhht_lineage(p_unit) l where not l.whole
$$;
