/**
 * Community learning centres (TTHTCĐ) at work: the registry (one centre per commune, R4, R7, R8), activities
 * with their participations and evidence (R13, R14), and summaries over any unit's subtree.
 * API: {@link vn.xhht.centre.Centre}, {@link vn.xhht.centre.CentreRegistry}, {@link vn.xhht.centre.ActivitySummary},
 * {@link vn.xhht.centre.ActivityDisruptions} (contingency moves of planned activities), {@link vn.xhht.centre.Bookcases}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Community learning centres",
        allowedDependencies = {"audit::api", "document::api", "evidence::api", "orgunit::api", "platform::api", "shared"})
package vn.xhht.centre;
