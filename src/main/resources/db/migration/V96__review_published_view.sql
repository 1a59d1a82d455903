-- The review module publishes the standing of every reviewed subject for other modules' queries (boards, lists,
-- roll-ups of APPROVED subjects). Only the review module writes review_state (vn.xhht.review.ReviewWorkflow);
-- others read this view, so review_state's columns stay review's business.
create view xhht_review as
select cast(subject_type as text) as subject_type, subject_id, owner_unit_id, reviewer_unit_id, province_id,
       cast(status as text) as status, due_date, submitted_at, decided_at
from review_state;
