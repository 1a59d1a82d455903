package vn.xhht.audit;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;

/**
 * Records audit events. Call it inside the transaction that changes the data, so the change and its
 * record commit or roll back together.
 */
@Service
@org.springframework.modulith.NamedInterface("api")
public class AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A change of business data; before/after are maps of the fields (null for create/delete). */
    public void change(AuditAction action, String entityType, Object entityId, Long unitId,
                       Map<String, ?> before, Map<String, ?> after, String summary) {
        write(action, entityType, entityId, unitId, before, after, summary, CurrentUsers.find().orElse(null), null);
    }

    /** A read or export of personal data. */
    public void access(AuditAction action, String entityType, Object entityId, Long unitId, String summary) {
        write(action, entityType, entityId, unitId, null, null, summary, CurrentUsers.find().orElse(null), null);
    }

    /** An event whose actor is known by name only (e.g. a failed login). */
    public void event(AuditAction action, String actorName, String entityType, Object entityId, String summary) {
        write(action, entityType, entityId, null, null, null, summary, null, actorName);
    }

    private void write(AuditAction action, String entityType, Object entityId, Long unitId,
                       Map<String, ?> before, Map<String, ?> after, String summary, CurrentUser user, String actorName) {
        jdbc.sql("""
                insert into audit_event (actor, actor_id, action, entity_type, entity_id, unit_id, province_id,
                                         summary, before_data, after_data, remote_addr)
                values (:actor, :actorId, :action, :entityType, :entityId, :unitId,
                        (select province_id from xhht_unit where id = :unitId),
                        :summary, cast(:before as jsonb), cast(:after as jsonb), :addr)
                """)
                .param("actor", user != null ? user.username() : actorName)
                .param("actorId", user != null ? user.userId() : null)
                .param("action", action.name())
                .param("entityType", entityType)
                .param("entityId", entityId == null ? null : String.valueOf(entityId))
                .param("unitId", unitId)
                .param("summary", summary)
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .param("addr", remoteAddress())
                .update();
    }

    private static String remoteAddress() {
        return vn.xhht.platform.ClientAddress.current();
    }
}
