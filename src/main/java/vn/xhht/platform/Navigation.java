package vn.xhht.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Role;

/**
 * What each role may use, as links: the navigation shows a role only its own. Core links are here; feature
 * modules add theirs through {@link NavContribution} beans.
 */
@Component
@org.springframework.modulith.NamedInterface("api")
public class Navigation {
    private final List<NavContribution> contributions;

    Navigation(List<NavContribution> contributions) {
        this.contributions = contributions.stream().sorted(Comparator.comparingInt(NavContribution::order)).toList();
    }

    public List<NavItem> forUser(CurrentUser user) {
        List<NavItem> items = core(user);
        int tail = items.size() - coreTail(user);
        List<NavItem> added = new ArrayList<>();
        for (NavContribution c : contributions) {
            added.addAll(c.items(user));
        }
        // module links go before the reference/admin links at the end
        items.addAll(tail, added);
        return items;
    }

    private static int coreTail(CurrentUser user) {
        return user.role() == Role.SYSTEM_ADMIN ? 4 : 2;
    }

    private static List<NavItem> core(CurrentUser user) {
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
