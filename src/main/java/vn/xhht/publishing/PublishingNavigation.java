package vn.xhht.publishing;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.xhht.platform.NavContribution;
import vn.xhht.platform.NavItem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Role;

/** Offices (province, district, commune) publish for their area; the association and others read the public pages. */
@Component
class PublishingNavigation implements NavContribution {
    @Override
    public List<NavItem> items(CurrentUser user) {
        if (Publishing.APPROVERS.contains(user.role())) {
            return List.of(new NavItem("/news", "nav.news"));
        }
        return List.of();
    }

    @Override
    public int order() {
        return 700;
    }
}
