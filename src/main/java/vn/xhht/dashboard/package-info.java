/** The home dashboard of each role (placeholder until the centre, literacy and reporting modules land). */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard",
        allowedDependencies = {"calendar", "centre", "document", "orgunit", "plan", "platform", "shared"})
package vn.xhht.dashboard;
