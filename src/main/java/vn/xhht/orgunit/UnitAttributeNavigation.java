package vn.xhht.orgunit;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.xhht.platform.NavContribution;
import vn.xhht.platform.NavItem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Role;

/** The administrator's screen of dated commune attributes. */
@Component
class UnitAttributeNavigation implements NavContribution {
    @Override
    public List<NavItem> items(CurrentUser user) {
        return user.role() == Role.SYSTEM_ADMIN ? List.of(new NavItem("/admin/unit-attributes", "nav.unitAttributes")) : List.of();
    }

    @Override
    public int order() {
        return 911;
    }
}
