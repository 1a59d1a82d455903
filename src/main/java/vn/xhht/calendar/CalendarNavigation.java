package vn.xhht.calendar;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.xhht.platform.NavContribution;
import vn.xhht.platform.NavItem;
import vn.xhht.shared.CurrentUser;

@Component
class CalendarNavigation implements NavContribution {
    @Override
    public List<NavItem> items(CurrentUser user) {
        return List.of(new NavItem("/calendar", "nav.calendar"));
    }

    @Override
    public int order() {
        return 900;
    }
}
