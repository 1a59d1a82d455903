package vn.xhht.orgunit;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.xhht.platform.NavContribution;
import vn.xhht.platform.NavItem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Role;

/** The administrator's list of units whose successor is still unknown. */
@Component
class LineageNavigation implements NavContribution {
    @Override
    public List<NavItem> items(CurrentUser user) {
        return user.role() == Role.SYSTEM_ADMIN ? List.of(new NavItem("/admin/unit-lineage", "nav.lineage")) : List.of();
    }

    @Override
    public int order() {
        return 910;
    }
}
