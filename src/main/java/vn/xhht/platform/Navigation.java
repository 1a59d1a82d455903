package vn.xhht.platform;

import java.util.ArrayList;
import java.util.List;

import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Role;

/** What each role may use, as links: the navigation shows a role only its own. */
public final class Navigation {
    private Navigation() {
    }

    public static List<NavItem> forUser(CurrentUser user) {
        List<NavItem> items = new ArrayList<>();
        items.add(new NavItem("/", "nav.home"));
        items.add(new NavItem("/units", "nav.units"));
        if (user.role() == Role.COMMUNE_OFFICER) {
            items.add(new NavItem("/centres/mine", "nav.myCentre"));
            items.add(new NavItem("/units/" + user.unitId(), "nav.myCommune"));
            items.add(new NavItem("/plans", "nav.plans"));
        } else {
            items.add(new NavItem("/centres", "nav.centres"));
            items.add(new NavItem("/plans/board", "nav.planBoard"));
        }
        items.add(new NavItem("/activities/summary", "nav.summary"));
        items.add(new NavItem("/legal-documents", "nav.legalDocuments"));
        items.add(new NavItem("/documents", "nav.documents"));
        if (user.role() == Role.SYSTEM_ADMIN) {
            items.add(new NavItem("/admin/users", "nav.users"));
            items.add(new NavItem("/admin/audit", "nav.audit"));
        }
        return items;
    }
}
