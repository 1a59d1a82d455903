/**
 * Evaluation and recognition (R23–R27): criteria frameworks as versioned data (points-based and level-based),
 * self-assessment with evidence, the check and decision procedure with working-day deadlines, campaigns,
 * documents, public lists, statistics, awards, and emulation plans and clusters.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evaluation and recognition",
        allowedDependencies = {"audit::api", "calendar::api", "centre::api", "document::api", "evidence::api", "orgunit::api", "platform::api", "review::api", "shared"})
package vn.xhht.evaluation;
