-- The step a subject's own procedure has reached after the review approved it (an evaluation's check plan, check,
-- proposal, decision, publication). The review workflow records each step once: one event and one audit row per action,
-- instead of a second state machine in the evaluation module writing its own copy.
alter table review_state add column step varchar(20);
-- the actions of the procedures the review now carries (evaluation: self-assessment, evidence, check plan, check,
-- proposal, decision, publication)
alter table review_event drop constraint review_event_action_check;
alter table review_event add constraint review_event_action_check check (action in ('CREATE', 'SUBMIT', 'RETURN', 'APPROVE',
    'REOPEN', 'SCORE', 'EVIDENCE', 'SELF_PLAN', 'DOSSIER', 'CHECK_PLAN', 'CHECK', 'PROPOSE', 'DECIDE', 'PUBLISH'));
