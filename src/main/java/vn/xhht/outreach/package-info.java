/**
 * Office outreach (issue 16): communication plans per office and year (R40), border cooperation with the border guard
 * — posts, programmes, joint models, coordinated schedule items (R44), contingency scenarios per hazard and their
 * activation (R45), and the office's reading-culture view and plan (R46). Centres, their activities, bookcases and
 * campaigns are read and moved through the centre module's API ({@code CentreRegistry}, {@code Campaigns},
 * {@code ActivityDisruptions}, {@code Bookcases}); evaluation campaigns a plan item is about through
 * {@code evaluation.EvaluationCampaigns}.
 * API: {@link vn.xhht.outreach.CommunicationPlans}, {@link vn.xhht.outreach.BorderCooperation},
 * {@link vn.xhht.outreach.Contingency}, {@link vn.xhht.outreach.ReadingCulture}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Office outreach",
        allowedDependencies = {"audit::api", "centre::api", "document::api", "evaluation::api", "evidence::api", "orgunit::api", "platform::api", "shared"})
package vn.xhht.outreach;
