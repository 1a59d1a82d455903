package vn.xhht.reporting;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.xhht.platform.NavContribution;
import vn.xhht.platform.NavItem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Role;

/** The reporting links: reports for everyone who reports, the completeness board for those who receive. */
@Component
class ReportNavigation implements NavContribution {

    @Override
    public List<NavItem> items(CurrentUser user) {
        List<NavItem> items = new ArrayList<>();
        items.add(new NavItem("/reports", "nav.reports"));
        if (user.role() != Role.COMMUNE_OFFICER) {
            items.add(new NavItem("/reports/board", "nav.reports.board"));
        }
        items.add(new NavItem("/reports/dashboard", "nav.reports.dashboard"));
        return items;
    }

    @Override
    public int order() {
        return 300;
    }
}
