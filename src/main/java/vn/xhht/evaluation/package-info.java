/**
 * Evaluation and recognition (R23–R27): criteria frameworks as versioned data (points-based and level-based),
 * self-assessment with evidence, the check and decision procedure with working-day deadlines, campaigns,
 * documents, public lists, statistics, awards, and emulation plans and clusters.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evaluation and recognition",
        allowedDependencies = {"audit", "calendar", "centre", "document", "evidence", "orgunit", "platform", "review", "shared"})
package vn.xhht.evaluation;
