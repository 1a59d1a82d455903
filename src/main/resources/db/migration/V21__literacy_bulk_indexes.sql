-- Measured on the 1,000,000-person benchmark: every secondary index on lit_person multiplies the cost of a first
-- load (the unique (commune_id, code) key is needed for matching; hamlet and province lookups go through it too:
-- a hamlet is always read within its commune, a province through its communes).
drop index lit_person_hamlet_idx;
drop index lit_person_province_idx;
