-- The public list is read in name order a page at a time: without this index every search sorted all matches
-- (50,000 establishments in the benchmark) before taking the first 100.
create index ovs_establishment_name_idx on ovs_establishment (name, id);
