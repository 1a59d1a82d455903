package vn.xhht.platform;

/** A link of the main navigation. */
public record NavItem(String href, String labelKey) {
}
