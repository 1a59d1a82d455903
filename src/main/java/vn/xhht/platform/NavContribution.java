package vn.xhht.platform;

import java.util.List;

import vn.xhht.shared.CurrentUser;

/**
 * A module's links in the main navigation (and home tiles). Each feature module declares its own bean so that
 * adding a module never edits the platform. {@link #order()} places the links: core links use 0–99.
 */
@org.springframework.modulith.NamedInterface("api")
public interface NavContribution {
    List<NavItem> items(CurrentUser user);

    default int order() {
        return 500;
    }
}
