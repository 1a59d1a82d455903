/**
 * Shared kernel: the few types every module needs (the signed-in user, roles, the errors that map to
 * 400/403/404). Depends on nothing else in XHHT.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", allowedDependencies = {})
package vn.xhht.shared;
