-- One published test for "the commune has these attributes on this day" (issue 18): every list that filters by
-- border commune, zone, especially difficult commune, ethnic-minority region or island calls this function through
-- orgunit.UnitAttributeFilter, so the rule (the row in force that day; no row = not known, never "no") lives once.
-- A null wanted value does not filter.
create function xhht_unit_attributes_match(p_unit bigint, p_day date, p_border text, p_especially_difficult text,
                                           p_island text, p_zone text, p_em_region text)
    returns boolean
    language sql stable
as $$
    select (p_border is null or xhht_unit_attribute(p_unit, 'BORDER', p_day) = p_border)
       and (p_especially_difficult is null or xhht_unit_attribute(p_unit, 'ESPECIALLY_DIFFICULT', p_day) = p_especially_difficult)
       and (p_island is null or xhht_unit_attribute(p_unit, 'ISLAND', p_day) = p_island)
       and (p_zone is null or xhht_unit_attribute(p_unit, 'ZONE', p_day) = p_zone)
       and (p_em_region is null or xhht_unit_attribute(p_unit, 'EM_REGION', p_day) = p_em_region)
$$;
