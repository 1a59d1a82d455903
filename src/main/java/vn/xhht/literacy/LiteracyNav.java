package vn.xhht.literacy;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.xhht.platform.NavContribution;
import vn.xhht.platform.NavItem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Role;

/** The literacy pages in the main navigation for the roles that read the register's figures. */
@Component
class LiteracyNav implements NavContribution {

    @Override
    public List<NavItem> items(CurrentUser user) {
        return user.role() == Role.TTGDNN_STAFF ? List.of() : List.of(new NavItem("/literacy", "nav.literacy"));
    }

    @Override
    public int order() {
        return 300;
    }
}
