-- A spending line of a centre's budget says where the money went (issue 17): besides an activity (V130), a literacy
-- class, a training event or an asset of the centre. At most one link per line; the owners are checked in Java
-- through each module's API (the class's commune, the training's organiser or attendees, the asset's centre).
-- No foreign keys to literacy's and centre's tables: those modules own their rows and their lifecycle.
alter table budget_line add column lit_class_id bigint;
alter table budget_line add column training_id bigint references training_event (id);
alter table budget_line add column asset_id bigint;
alter table budget_line add constraint budget_line_one_link
    check (num_nonnulls(activity_id, lit_class_id, training_id, asset_id) <= 1);
