-- Households are found by their key (commune_id, code); the hamlet index only slowed first loads.
drop index lit_household_hamlet_idx;
