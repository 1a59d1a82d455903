package vn.xhht.oversight;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.xhht.platform.NavContribution;
import vn.xhht.platform.NavItem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Role;

@Component
class OversightNavigation implements NavContribution {
    @Override
    public List<NavItem> items(CurrentUser user) {
        if (user.role() == Role.ASSOCIATION_EVALUATOR || user.role() == Role.TTGDNN_STAFF) {
            return List.of();
        }
        return List.of(new NavItem("/oversight/establishments", "nav.oversight.establishments"),
                new NavItem("/oversight/inspections", "nav.oversight.inspections"),
                new NavItem("/oversight/dialogues", "nav.oversight.dialogues"));
    }

    @Override
    public int order() {
        return 650;
    }
}
