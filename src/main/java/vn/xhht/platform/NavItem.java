package vn.xhht.platform;

/** A link of the main navigation. */
@org.springframework.modulith.NamedInterface("api")
public record NavItem(String href, String labelKey) {
}
