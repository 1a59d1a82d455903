package vn.xhht.resources;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.xhht.platform.NavContribution;
import vn.xhht.platform.NavItem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Role;

/** Budgets in the main navigation: the commune's own centre, the summary for the offices and the association. */
@Component
class ResourcesNav implements NavContribution {

    @Override
    public List<NavItem> items(CurrentUser user) {
        return user.role() == Role.TTGDNN_STAFF ? List.of(new NavItem("/materials", "nav.materials"))
                : List.of(new NavItem("/budgets", "nav.budgets"), new NavItem("/trainings", "nav.trainings"), new NavItem("/materials", "nav.materials"));
    }

    @Override
    public int order() {
        return 350;
    }
}
