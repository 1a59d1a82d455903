/**
 * Platform: the embedded PostgreSQL of the zero-setup mode, locale and web plumbing, error pages and
 * problem+json answers, the database lock of scheduled jobs, the home page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform",
        allowedDependencies = {"shared"})
package vn.xhht.platform;
