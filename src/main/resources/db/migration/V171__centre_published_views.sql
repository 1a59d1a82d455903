-- The centre module publishes what other modules may read of its centres and their people (issue 13: every table has
-- one owner). resources (budgets, training) read centre, centre_person and person directly; they now read these views,
-- so the columns of those tables stay centre's business. Texts are cast to text, as in xhht_unit and xhht_review, so a
-- view adds no column of its own to TextLimits.
create view xhht_centre as
select id, cast(name as text) as name, commune_id, province_id
from centre;

-- who works for which centre, with the province of the person's record (training attendance is checked against it)
create view xhht_centre_person as
select cp.centre_id, cp.person_id, p.province_id as person_province_id
from centre_person cp join person p on p.id = cp.person_id;
