package vn.xhht.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the audit trail back for the administrators' page, newest first; only {@code AuditTrail} writes it. */
@Service
class AuditLog {

    static final int PAGE = 100;

    record Row(long id, OffsetDateTime occurredAt, String actor, String action, String entityType, String entityId,
               String unitName, String summary, String before, String after, String remoteAddr) {
    }

    /** Blank filters are no filters. */
    record Filter(String actor, String entity, String action, LocalDate from, LocalDate to) {
    }

    record Page(List<Row> rows, int page, boolean hasNext) {
    }

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of events about units within {@code scopeUnitId} (and events about no unit). */
    Page search(long scopeUnitId, Filter f, int page) {
        StringBuilder sql = new StringBuilder("""
                select e.id, e.occurred_at, e.actor, e.action, e.entity_type, e.entity_id, u.name as unit_name, e.summary,
                       e.before_data::text as before_data, e.after_data::text as after_data, e.remote_addr
                from audit_event e left join xhht_unit u on u.id = e.unit_id
                where
                """).append(scope());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("scope", scopeUnitId);
        if (f.actor() != null && !f.actor().isBlank()) {
            sql.append(" and e.actor = :actor");
            params.put("actor", f.actor().strip().toLowerCase());
        }
        if (f.entity() != null && !f.entity().isBlank()) {
            sql.append(" and e.entity_type = :entity");
            params.put("entity", f.entity().strip());
        }
        if (f.action() != null && !f.action().isBlank()) {
            sql.append(" and e.action = :action");
            params.put("action", f.action().strip());
        }
        if (f.from() != null) {
            sql.append(" and e.occurred_at >= :from");
            params.put("from", f.from().atStartOfDay());
        }
        if (f.to() != null) {
            sql.append(" and e.occurred_at < :to");
            params.put("to", f.to().plusDays(1).atStartOfDay());
        }
        int p = Math.max(0, page);
        sql.append(" order by e.id desc limit ").append(PAGE + 1).append(" offset ").append((long) p * PAGE);
        List<Row> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                        rs.getString("unit_name"), rs.getString("summary"), rs.getString("before_data"),
                        rs.getString("after_data"), rs.getString("remote_addr")))
                .list();
        return new Page(rows.size() > PAGE ? rows.subList(0, PAGE) : rows, p, rows.size() > PAGE);
    }

    /** The unit scope of the audit page in one place, so it can be swapped for orgunit's scope function. */
    private static String scope() {
        return "(e.unit_id is null or e.unit_id in (select id from xhht_unit_subtree(:scope)))";
    }
}
