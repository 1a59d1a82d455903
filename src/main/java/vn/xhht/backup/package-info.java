/**
 * Backup and restore of the whole database without PostgreSQL client tools: a consistent logical snapshot
 * (COPY of every table in one REPEATABLE READ transaction) as a zip, restored through the app's own migrations;
 * the command line ({@code java -jar xhht.jar backup|restore}), the nightly job with retention, the
 * administrator's page and the home-page warning.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Backup and restore",
        allowedDependencies = {"audit::api", "document::api", "platform::api", "shared"})
package vn.xhht.backup;
