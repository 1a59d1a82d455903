-- A communication plan item can be about an evaluation and recognition campaign (R40 with R29–R31), not only a centre
-- activity campaign. No foreign key: eval_campaign belongs to the evaluation module, which checks the id on writing.
alter table comm_plan_item add column eval_campaign_id bigint;
