package vn.xhht.audit;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.Role;

/** /admin/audit: the audit trail for administrators, newest first, filtered by who, what and when. */
@Controller
class AuditPageController {

    static final int PAGE = 100;

    record Row(long id, java.time.OffsetDateTime occurredAt, String actor, String action, String entityType, String entityId,
               String unitName, String summary, String before, String after, String remoteAddr) {
    }

    private final JdbcClient jdbc;

    AuditPageController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/admin/audit")
    String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String entity,
                @RequestParam(required = false) String action,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser admin = CurrentUsers.require();
        if (admin.role() != Role.SYSTEM_ADMIN) {
            throw new AccessDeniedProblem("error.adminOnly");
        }
        StringBuilder sql = new StringBuilder("""
                select e.id, e.occurred_at, e.actor, e.action, e.entity_type, e.entity_id, u.name as unit_name, e.summary,
                       e.before_data::text as before_data, e.after_data::text as after_data, e.remote_addr
                from audit_event e left join xhht_unit u on u.id = e.unit_id
                where (e.unit_id is null or e.unit_id in (select id from xhht_unit_subtree(:scope)))
                """);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("scope", admin.unitId());
        if (actor != null && !actor.isBlank()) {
            sql.append(" and e.actor = :actor");
            params.put("actor", actor.strip().toLowerCase());
        }
        if (entity != null && !entity.isBlank()) {
            sql.append(" and e.entity_type = :entity");
            params.put("entity", entity.strip());
        }
        if (action != null && !action.isBlank()) {
            sql.append(" and e.action = :action");
            params.put("action", action.strip());
        }
        if (from != null) {
            sql.append(" and e.occurred_at >= :from");
            params.put("from", from.atStartOfDay());
        }
        if (to != null) {
            sql.append(" and e.occurred_at < :to");
            params.put("to", to.plusDays(1).atStartOfDay());
        }
        int p = Math.max(0, page);
        sql.append(" order by e.id desc limit ").append(PAGE + 1).append(" offset ").append(p * PAGE);
        List<Row> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getObject("occurred_at", java.time.OffsetDateTime.class),
                        rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                        rs.getString("unit_name"), rs.getString("summary"), rs.getString("before_data"),
                        rs.getString("after_data"), rs.getString("remote_addr")))
                .list();
        model.addAttribute("rows", rows.size() > PAGE ? rows.subList(0, PAGE) : rows);
        model.addAttribute("hasNext", rows.size() > PAGE);
        model.addAttribute("page", p);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("filter", Map.of("actor", actor == null ? "" : actor, "entity", entity == null ? "" : entity,
                "action", action == null ? "" : action, "from", from == null ? "" : from.toString(), "to", to == null ? "" : to.toString()));
        return "admin/audit";
    }
}
