-- Career guidance and streaming after lower-secondary school (R42, QĐ 522/QĐ-TTg): the centre works with the
-- commune's lower-secondary schools. They were only "schools" among the partner organisations; a kind of their own
-- lets reports count the partner schools next to the career-guidance activities (V131).
alter table partner_org drop constraint partner_org_kind_check;
alter table partner_org add constraint partner_org_kind_check
    check (kind in ('MASS_ORG', 'SCHOOL', 'LOWER_SECONDARY', 'EXTENSION', 'BORDER_POST', 'HEALTH', 'OTHER'));
