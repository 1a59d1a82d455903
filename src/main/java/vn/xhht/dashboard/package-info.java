/** The home dashboard of each role (placeholder until the centre, literacy and reporting modules land). */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard",
        allowedDependencies = {"calendar::api", "centre::api", "document::api", "orgunit::api", "plan::api", "platform::api", "shared"})
package vn.xhht.dashboard;
