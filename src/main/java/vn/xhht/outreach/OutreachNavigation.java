package vn.xhht.outreach;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.xhht.platform.NavContribution;
import vn.xhht.platform.NavItem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Role;

/** Menu entries of offices (and administrators): communication plan, border cooperation, contingency, reading culture. */
@Component
class OutreachNavigation implements NavContribution {
    @Override
    public List<NavItem> items(CurrentUser user) {
        if (user.role() == Role.ASSOCIATION_EVALUATOR || user.role() == Role.TTGDNN_STAFF || user.role() == Role.INSPECTOR) {
            return List.of();
        }
        return List.of(new NavItem("/outreach/communication", "nav.outreach.communication"),
                new NavItem("/outreach/cooperation", "nav.outreach.cooperation"),
                new NavItem("/outreach/contingency", "nav.outreach.contingency"),
                new NavItem("/outreach/reading", "nav.outreach.reading"));
    }

    @Override
    public int order() {
        return 660;
    }
}
