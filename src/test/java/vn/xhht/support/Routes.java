package vn.xhht.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The application's own GET routes (from Spring MVC's handler mapping, never a hand-written list), each with the
 * concrete addresses that exercise it: path variables filled from the {@link StateFixture}, one address per state
 * where a route shows a subject that has states (a report in each review status, an evaluation at each step…).
 */
public final class Routes {

    public record Route(String pattern, List<String> urls) {
    }

    /** Routes whose variables the fixture cannot fill, each with the reason; nothing else may stay unfilled. */
    public static final Map<String, String> UNFILLABLE = Map.of(
            "/v3/api-docs/{group}", "SpringDoc groups: the application defines none, so there is no group name to put here",
            "/swagger-ui/{*path}", "SpringDoc's static resources, not a page of the application",
            "/admin/backups/files/{name}", "a backup file exists only after a backup has run; BackupRestoreTest downloads one and checks who may");

    /** Routes not called at all, with the reason. */
    public static final Map<String, String> SKIPPED = Map.of(
            "/error", "Spring Boot's error dispatch; the error pages are reached through the 403/404/5xx of the other routes");

    private Routes() {
    }

    /** Values for each path variable, by route pattern; a list means one address per value (or combination). */
    static Map<String, Map<String, List<String>>> fills(StateFixture.State s) {
        Map<String, Map<String, List<String>>> m = new LinkedHashMap<>();
        List<String> reports = ids(s, "report.");
        List<String> plans = ids(s, "plan.");
        List<String> evaluations = ids(s, "evaluation.");
        List<String> activities = ids(s, "activity.");
        List<String> imports = ids(s, "import.");
        List<String> units = List.of(v(s, "unit.canYen"), v(s, "unit.caoBang"), v(s, "unit.haQuang"), v(s, "unit.oldCommune"));
        List<String> centres = List.of(v(s, "centre.canYen"), v(s, "centre.oldCommune"));
        List<String> docs = List.of("pdf", "docx");
        m.put("/admin/users/{id}", Map.of("id", List.of(v(s, "user.commune"))));
        m.put("/reports/{id}", Map.of("id", reports));
        m.put("/reports/{id}/export.{format}", Map.of("id", List.of(v(s, "report.approved")), "format", List.of("xlsx", "docx", "pdf")));
        m.put("/api/v1/reports/{id}", Map.of("id", List.of(v(s, "report.approved"))));
        m.put("/api/v1/reports/{id}/export", Map.of("id", List.of(v(s, "report.approved"))));
        m.put("/evaluations/{id}", Map.of("id", evaluations));
        m.put("/evaluations/{id}/documents/{kind}.{format}", Map.of("id", List.of(v(s, "evaluation.PUBLISHED")),
                "kind", List.of("request", "report", "minutes", "decision"), "format", docs));
        m.put("/evaluations/frameworks/{code}", Map.of("code", List.of("tt25-2023-commune", "tt22-2020-unit")));
        m.put("/evaluations/campaigns/{id}", Map.of("id", List.of(v(s, "campaign"))));
        m.put("/evaluations/campaigns/{id}/board", Map.of("id", List.of(v(s, "campaign"))));
        m.put("/evaluations/emulation/clusters/{id}", Map.of("id", List.of(v(s, "emulationCluster"))));
        m.put("/evaluations/emulation/clusters/{id}/results.xlsx", Map.of("id", List.of(v(s, "emulationCluster"))));
        m.put("/api/v1/evaluations/emulation/clusters/{id}", Map.of("id", List.of(v(s, "emulationCluster"))));
        m.put("/api/v1/evaluations/{id}/procedure", Map.of("id", evaluations));
        m.put("/evaluations/campaigns/{id}/decision.{format}", Map.of("id", List.of(v(s, "campaign")), "format", docs));
        m.put("/api/v1/evaluation-frameworks/{code}/versions/{version}", Map.of("code", List.of("tt25-2023-commune"), "version", List.of("2")));
        m.put("/api/v1/evaluations/{id}", Map.of("id", List.of(v(s, "evaluation.SUBMITTED"))));
        m.put("/api/v1/centres/{id}/plans", Map.of("id", List.of(v(s, "centre.canYen"))));
        m.put("/api/v1/plans/{id}", Map.of("id", List.of(v(s, "plan.approved"))));
        m.put("/plans/{id}", Map.of("id", plans));
        m.put("/literacy/imports/{id}", Map.of("id", imports));
        m.put("/literacy/imports/{id}/progress", Map.of("id", imports));
        m.put("/literacy/imports/{id}/errors.xlsx", Map.of("id", imports));
        m.put("/literacy/persons/{id}", Map.of("id", List.of(v(s, "literacyPerson"))));
        m.put("/literacy/rules/{id}", Map.of("id", List.of(v(s, "literacyRule"))));
        m.put("/literacy/classes/{id}", Map.of("id", List.of(v(s, "literacyClass"))));
        m.put("/literacy/classes/{id}/list.pdf", Map.of("id", List.of(v(s, "literacyClass"))));
        m.put("/literacy/classes/{id}/certificates.pdf", Map.of("id", List.of(v(s, "literacyClass"))));
        m.put("/api/v1/literacy/imports/{id}", Map.of("id", imports));
        m.put("/units/{id}", Map.of("id", units));
        m.put("/units/{id}/children", Map.of("id", units));
        // without a rejected import in this session the error file is "gone" (404 with a Vietnamese message), never a 500
        m.put("/units/{id}/hamlets/import-errors.xlsx", Map.of("id", units));
        m.put("/api/v1/org-units/{id}", Map.of("id", List.of(v(s, "unit.haQuang"))));
        m.put("/api/v1/org-units/{id}/successors", Map.of("id", List.of(v(s, "unit.haQuang"))));
        m.put("/api/v1/org-units/{id}/predecessors", Map.of("id", List.of(v(s, "unit.canYen"))));
        // the series across reforms: a closed district and a commune formed from three old ones
        m.put("/units/{id}/series", Map.of("id", List.of(v(s, "unit.haQuang"), v(s, "unit.canYen"))));
        m.put("/units/{id}/series.xlsx", Map.of("id", List.of(v(s, "unit.canYen"))));
        m.put("/api/v1/org-units/{id}/series", Map.of("id", List.of(v(s, "unit.canYen"))));
        m.put("/documents/sample-letter.{format}", Map.of("format", docs));
        m.put("/evidence/{id}", Map.of("id", List.of(v(s, "evidence"))));
        m.put("/legal-documents/{id}", Map.of("id", List.of(v(s, "legalDocument"))));
        m.put("/api/v1/legal-documents/{id}", Map.of("id", List.of(v(s, "legalDocument"))));
        m.put("/public/centres/{id}", Map.of("id", centres));
        m.put("/public/centres/{id}/schedule", Map.of("id", centres));
        m.put("/public/photos/{id}", Map.of("id", List.of(v(s, "activity.photo"))));
        m.put("/public/news/{id}", Map.of("id", List.of(v(s, "news.published"))));
        m.put("/public/news/photos/{id}", Map.of("id", List.of(v(s, "news.photo"))));
        m.put("/news/{id}", Map.of("id", List.of(v(s, "news.published"), v(s, "news.draft"))));
        m.put("/api/v1/public/centres/{id}", Map.of("id", List.of(v(s, "centre.canYen"))));
        m.put("/public/centres/{id}/needs", Map.of("id", List.of(v(s, "centre.canYen"))));
        m.put("/centres/{id}", Map.of("id", centres));
        m.put("/centres/{id}/activities/new", Map.of("id", centres));
        m.put("/centres/{id}/record", Map.of("id", centres));
        m.put("/centres/{id}/public-info", Map.of("id", centres));
        m.put("/centres/{id}/needs", Map.of("id", centres));
        m.put("/activities/{id}", Map.of("id", activities));
        m.put("/api/v1/centres/{id}", Map.of("id", List.of(v(s, "centre.canYen"))));
        m.put("/api/v1/centres/{id}/activities", Map.of("id", List.of(v(s, "centre.canYen"))));
        m.put("/api/v1/activities/{id}", Map.of("id", List.of(v(s, "activity.past"))));
        List<String> budgets = ids(s, "budget.");
        m.put("/budgets/{id}", Map.of("id", budgets));
        m.put("/budgets/{id}/documents/{kind}.{format}", Map.of("id", List.of(v(s, "budget.approved"), v(s, "budget.settled")),
                "kind", List.of("estimate", "settlement"), "format", List.of("docx", "pdf")));
        m.put("/centres/{id}/budgets", Map.of("id", centres));
        m.put("/api/v1/centres/{id}/budgets", Map.of("id", List.of(v(s, "centre.canYen"))));
        m.put("/api/v1/budgets/{id}", Map.of("id", List.of(v(s, "budget.approved"))));
        m.put("/api/v1/budgets/{id}/check", Map.of("id", List.of(v(s, "budget.approved"), v(s, "budget.settled"))));
        m.put("/api/v1/trainings/{id}", Map.of("id", List.of(v(s, "training"))));
        m.put("/trainings/{id}", Map.of("id", List.of(v(s, "training"), v(s, "training.attended"))));
        m.put("/budgets/{id}/lines.xlsx", Map.of("id", List.of(v(s, "budget.draft"), v(s, "budget.approved"))));
        List<String> materials = List.of(v(s, "material.submitted"), v(s, "material.approved"));
        m.put("/materials/{id}", Map.of("id", materials));
        m.put("/api/v1/materials/{id}", Map.of("id", materials));
        m.put("/materials/{id}/files/{fileId}", Map.of("id", List.of(v(s, "material.approved")), "fileId", List.of(v(s, "material.approved.file"))));
        List<String> establishments = List.of(v(s, "oversight.establishment"), v(s, "oversight.establishment.pending"));
        List<String> inspections = List.of(v(s, "oversight.inspection.sanctioned"), v(s, "oversight.inspection.centre"));
        m.put("/oversight/establishments/{id}", Map.of("id", establishments));
        m.put("/oversight/inspections/{id}", Map.of("id", inspections));
        m.put("/api/v1/establishments/{id}", Map.of("id", establishments));
        m.put("/api/v1/inspections/{id}", Map.of("id", inspections));
        m.put("/public/establishments/{id}", Map.of("id", List.of(v(s, "oversight.establishment"))));
        m.put("/api/v1/public/establishments/{id}", Map.of("id", List.of(v(s, "oversight.establishment"))));
        m.put("/public/establishments.{format}", Map.of("format", List.of("csv", "xlsx")));
        m.put("/oversight/inspections/{id}/documents/{kind}.{format}", Map.of("id", List.of(v(s, "oversight.inspection.sanctioned")),
                "kind", List.of("minutes", "conclusion", "decision"), "format", List.of("pdf", "docx")));
        m.put("/oversight/dialogues/{id}", Map.of("id", List.of(v(s, "oversight.dialogue"))));
        m.put("/api/v1/dialogues/{id}", Map.of("id", List.of(v(s, "oversight.dialogue"))));
        m.put("/oversight/inspection-plans/{year}.{format}", Map.of("year", List.of(String.valueOf(StateFixture.TODAY.getYear())),
                "format", List.of("pdf", "docx")));
        m.put("/outreach/communication/{id}", Map.of("id", List.of(v(s, "outreach.comm"))));
        m.put("/outreach/cooperation/programmes/{id}", Map.of("id", List.of(v(s, "outreach.programme"))));
        m.put("/outreach/contingency/{id}", Map.of("id", List.of(v(s, "outreach.scenario"))));
        return m;
    }

    private static String v(StateFixture.State s, String name) {
        return String.valueOf(s.id(name));
    }

    private static List<String> ids(StateFixture.State s, String prefix) {
        return s.ids().entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).sorted(Map.Entry.comparingByKey())
                .map(e -> String.valueOf(e.getValue())).toList();
    }

    /** Every GET pattern of the application. */
    public static TreeSet<String> patterns(ApplicationContext ctx) {
        RequestMappingHandlerMapping mapping = ctx.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        TreeSet<String> out = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            var methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
                out.addAll(info.getPatternValues());
            }
        }
        return out;
    }

    /** The routes with their addresses; the patterns neither fillable nor listed are returned in {@code unknown}. */
    public static List<Route> resolve(ApplicationContext ctx, StateFixture.State s, List<String> unknown) {
        Map<String, Map<String, List<String>>> fills = fills(s);
        List<Route> out = new ArrayList<>();
        for (String p : patterns(ctx)) {
            if (SKIPPED.containsKey(p) || UNFILLABLE.containsKey(p)) {
                continue;
            }
            if (!p.contains("{")) {
                out.add(new Route(p, List.of(p)));
                continue;
            }
            Map<String, List<String>> f = fills.get(p);
            if (f == null) {
                unknown.add(p);
                continue;
            }
            List<String> urls = List.of(p);
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(p);
            while (m.find()) {
                String var = m.group(1);
                List<String> values = f.get(var);
                if (values == null) {
                    unknown.add(p + " (variable " + var + ")");
                    urls = List.of();
                    break;
                }
                List<String> next = new ArrayList<>();
                for (String u : urls) {
                    for (String val : values) {
                        next.add(u.replace("{" + var + "}", val));
                    }
                }
                urls = next;
            }
            if (!urls.isEmpty()) {
                out.add(new Route(p, urls));
            }
        }
        return out;
    }
}
