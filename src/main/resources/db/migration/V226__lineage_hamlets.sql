-- The hamlets of the split predecessors in a unit's lineage, each with whether it was assigned to the unit (issue 18).
-- The series used to ask xhht_lineage_hamlet_in / xhht_lineage_hamlet_assigned once per activity, person or result
-- row: 18-22 s for one ward. Computed once as a set and joined, the same answer costs one pass.
-- A hamlet of a split commune that is not in this set has not been assigned to any successor ("chưa phân bổ").
create function xhht_lineage_hamlets(p_unit bigint)
    returns table (hamlet_id bigint, ours boolean)
    language sql stable
as $$
    select hs.hamlet_id, hs.successor_id in (select id from xhht_unit_subtree(p_unit))
    from hamlet_successor hs join org_unit h on h.id = hs.hamlet_id
    where h.parent_id in (select l.unit_id from xhht_lineage(p_unit) l where not l.whole)
$$;
