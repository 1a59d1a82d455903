package vn.xhht.centre;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.InvalidInputProblem.Violation;
import vn.xhht.shared.TextLimits;
import vn.xhht.shared.Texts;

/**
 * What a centre tells residents on its public page in its own words: opening hours and, for each club, how to join.
 * The page is saved at once; the centre's version guards it, so a concurrent save of the centre (this page or its
 * record) is refused instead of silently overwritten.
 */
@Service
@Transactional
class CentrePublicInfo {

    record ClubJoin(long id, String name, String field, String howToJoin) {
    }

    record Page(Centre centre, String openingHours, List<ClubJoin> clubs, boolean canEdit) {
    }

    /** What the form sends: club id → how to join; a club missing from the map is left as it is. */
    record Form(String openingHours, Map<Long, String> howToJoin, Long version) {
    }

    static final String HOW_TO_JOIN_FIELD = "join-";

    private final JdbcClient jdbc;
    private final CentreRegistry centres;
    private final AuditTrail audit;

    CentrePublicInfo(JdbcClient jdbc, CentreRegistry centres, AuditTrail audit) {
        this.jdbc = jdbc;
        this.centres = centres;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    Page load(CurrentUser user, long centreId) {
        Centre c = centres.require(user, centreId);
        return new Page(c, openingHours(centreId), clubs(centreId), centres.canEdit(user, c));
    }

    void save(CurrentUser user, long centreId, Form f) {
        Centre c = centres.require(user, centreId);
        if (!centres.canEdit(user, c)) {
            throw new AccessDeniedProblem("centre.cannotEdit");
        }
        Map<Long, ClubJoin> clubs = new LinkedHashMap<>();
        clubs(centreId).forEach(k -> clubs.put(k.id(), k));
        List<Violation> v = new ArrayList<>();
        check(v, "openingHours", f.openingHours(), TextLimits.CENTRE__OPENING_HOURS);
        Map<Long, String> joins = f.howToJoin() == null ? Map.of() : f.howToJoin();
        for (var e : joins.entrySet()) {
            if (!clubs.containsKey(e.getKey())) {
                // a club of another centre, or one removed meanwhile: never written through this centre's page
                v.add(new Violation("clubs", "w16.publicInfo.club.unknown"));
            } else {
                check(v, HOW_TO_JOIN_FIELD + e.getKey(), e.getValue(), TextLimits.CLUB__HOW_TO_JOIN);
            }
        }
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        String hoursBefore = openingHours(centreId);
        String hours = Texts.orNull(f.openingHours());
        int n = jdbc.sql("update centre set opening_hours = :h, version = version + 1, updated_at = now() where id = :id and version = :v")
                .param("h", hours).param("id", centreId).param("v", f.version() == null ? -1 : f.version()).update();
        if (n == 0) {
            throw new ConcurrentEditProblem("Centre " + centreId);
        }
        if (!Objects.equals(hoursBefore, hours)) {
            audit.change(AuditAction.UPDATE, "Centre", centreId, c.communeId(), snapshot("openingHours", hoursBefore),
                    snapshot("openingHours", hours), "Giờ mở cửa: " + c.name());
        }
        for (var e : joins.entrySet()) {
            ClubJoin before = clubs.get(e.getKey());
            String after = Texts.orNull(e.getValue());
            if (Objects.equals(before.howToJoin(), after)) {
                continue;
            }
            jdbc.sql("update club set how_to_join = :j where id = :k and centre_id = :c").param("j", after).param("k", before.id())
                    .param("c", centreId).update();
            audit.change(AuditAction.UPDATE, "Club", before.id(), c.communeId(), snapshot("howToJoin", before.howToJoin()),
                    snapshot("howToJoin", after), "Cách tham gia câu lạc bộ " + before.name());
        }
    }

    private String openingHours(long centreId) {
        return jdbc.sql("select opening_hours from centre where id = :id").param("id", centreId).query(String.class).optional().orElse(null);
    }

    private List<ClubJoin> clubs(long centreId) {
        return jdbc.sql("select id, name, field, how_to_join from club where centre_id = :c order by name, id").param("c", centreId)
                .query((rs, n) -> new ClubJoin(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    private static void check(List<Violation> v, String field, String value, int max) {
        if (value != null && InputRules.hasControlCharacter(value)) {
            v.add(new Violation(field, "w16.publicInfo.controlCharacter"));
        }
        InputRules.maxLength(v, field, value, max);
    }

    private static Map<String, Object> snapshot(String key, String value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }
}
