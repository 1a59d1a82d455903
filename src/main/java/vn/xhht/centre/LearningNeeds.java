package vn.xhht.centre;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.TextLimits;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Texts;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.InvalidInputProblem.Violation;

/** Learning-needs surveys and registrations ("cần gì học nấy"), and their summary that feeds the plan. */
@Service
@Transactional
@org.springframework.modulith.NamedInterface("api")
public class LearningNeeds {

    public enum Channel { MEETING, INTERVIEW, MAILBOX, SOCIAL_NETWORK, ONLINE_FORM }

    public enum AgeGroup { UNDER_15, AGE_15_35, AGE_36_60, OVER_60 }

    public record Need(Long centreId, String topic, String detail, String ageGroup, String sex, Long hamletId, String phone, Long roundId) {
    }

    public record Round(long id, LocalDate heldOn, String channel, String note, long needs) {
    }

    public record Count(String topic, String hamlet, long needs) {
    }

    /** One registered need as the centre reads it back (the resident's phone is there to call them about a class). */
    public record Registered(long id, java.time.OffsetDateTime at, String topic, String hamlet, String ageGroup, String sex, String detail,
                             String phone, String source) {
    }

    private final JdbcClient jdbc;
    private final CentreRegistry centres;
    private final ReferenceLists lists;
    private final OrgUnitDirectory units;
    private final AuditTrail audit;
    private final int maxPerWindow;

    LearningNeeds(JdbcClient jdbc, CentreRegistry centres, ReferenceLists lists, OrgUnitDirectory units, AuditTrail audit,
                  @Value("${xhht.public.max-submissions-per-10min:5}") int maxPerWindow) {
        this.jdbc = jdbc;
        this.centres = centres;
        this.lists = lists;
        this.units = units;
        this.audit = audit;
        this.maxPerWindow = maxPerWindow;
    }

    /** A resident's registration from the public page: no login, limited per address. */
    public long submitPublic(String clientKey, Need n) {
        long recent = jdbc.sql("select count(*) from public_submission where client_key = :k and at > now() - interval '10 minutes'")
                .param("k", clientKey).query(Long.class).single();
        if (recent >= maxPerWindow) {
            throw new vn.xhht.shared.TooManyRequestsProblem();
        }
        Centre c = n.centreId() == null ? null : centres.find(n.centreId()).orElse(null);
        if (c == null || c.communeValidTo() != null) {
            throw new InvalidInputProblem("centreId", "need.centre.invalid");
        }
        long id = insert(c, n, "PUBLIC", null);
        jdbc.sql("insert into public_submission (client_key) values (:k)").param("k", clientKey).update();
        return id;
    }

    public long record(CurrentUser user, long centreId, Need n) {
        Centre c = editable(user, centreId);
        long id = insert(c, n, "STAFF", user.username());
        audit.change(AuditAction.CREATE, "LearningNeed", id, c.communeId(), null, Map.of("topic", n.topic()), "Ghi nhận nhu cầu học tập");
        return id;
    }

    public long openRound(CurrentUser user, long centreId, LocalDate heldOn, String channel, String note) {
        Centre c = editable(user, centreId);
        List<Violation> v = new ArrayList<>();
        if (heldOn == null) {
            v.add(new Violation("heldOn", "need.round.dateRequired"));
        }
        if (channel == null || java.util.Arrays.stream(Channel.values()).noneMatch(x -> x.name().equals(channel))) {
            v.add(new Violation("channel", "need.round.channelInvalid"));
        }
        InputRules.maxLength(v, "note", note, TextLimits.SURVEY_ROUND__NOTE);
        InputRules.date(v, "heldOn", heldOn);
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        long id = jdbc.sql("""
                insert into survey_round (centre_id, province_id, held_on, channel, note, created_by)
                values (:c, :p, :d, :ch, :n, :by) returning id
                """).param("c", centreId).param("p", c.provinceId()).param("d", heldOn).param("ch", channel)
                .param("n", note == null || note.isBlank() ? null : note.strip()).param("by", user.username()).query(Long.class).single();
        audit.change(AuditAction.CREATE, "SurveyRound", id, c.communeId(), null, Map.of("heldOn", heldOn.toString(), "channel", channel),
                "Đợt khảo sát nhu cầu học tập");
        return id;
    }

    @Transactional(readOnly = true)
    public List<Round> rounds(CurrentUser user, long centreId) {
        centres.require(user, centreId);
        return jdbc.sql("""
                select r.*, (select count(*) from learning_need n where n.round_id = r.id) as needs
                from survey_round r where r.centre_id = :c order by r.held_on desc limit 20
                """).param("c", centreId)
                .query((rs, i) -> new Round(rs.getLong("id"), rs.getObject("held_on", LocalDate.class), rs.getString("channel"),
                        rs.getString("note"), rs.getLong("needs"))).list();
    }

    /** Needs of the last 12 months by topic (its Vietnamese name) and hamlet (a hamlet of null: the whole commune). */
    @Transactional(readOnly = true)
    public List<Count> summary(CurrentUser user, long centreId) {
        centres.require(user, centreId);
        return jdbc.sql("""
                select coalesce(t.name_vi, n.topic_code) as topic, h.name as hamlet, count(*) as needs
                from learning_need n left join xhht_unit h on h.id = n.hamlet_id left join topic t on t.code = n.topic_code
                where n.centre_id = :c and n.created_at > now() - interval '12 months'
                group by 1, h.name order by count(*) desc, 1
                """).param("c", centreId)
                .query((rs, i) -> new Count(rs.getString("topic"), rs.getString("hamlet"), rs.getLong("needs"))).list();
    }

    /**
     * The latest needs one by one, for the staff who may edit the centre: what residents typed on the public page
     * (detail, sex, phone) is read here, so nothing they sent is lost from sight. Reading phone numbers is audited.
     */
    public List<Registered> recent(CurrentUser user, long centreId, int limit) {
        Centre c = editable(user, centreId);
        List<Registered> list = jdbc.sql("""
                select n.id, n.created_at, coalesce(t.name_vi, n.topic_code) as topic, h.name as hamlet, n.age_group, n.sex, n.detail,
                       n.phone, n.source
                from learning_need n left join xhht_unit h on h.id = n.hamlet_id left join topic t on t.code = n.topic_code
                where n.centre_id = :c order by n.created_at desc, n.id desc limit :lim
                """).param("c", centreId).param("lim", limit)
                .query((rs, i) -> new Registered(rs.getLong("id"), rs.getObject("created_at", java.time.OffsetDateTime.class),
                        rs.getString("topic"), rs.getString("hamlet"), rs.getString("age_group"), rs.getString("sex"), rs.getString("detail"),
                        rs.getString("phone"), rs.getString("source"))).list();
        if (list.stream().anyMatch(r -> r.phone() != null)) {
            audit.access(AuditAction.READ, "LearningNeed", centreId, c.communeId(), "Xem danh sách nhu cầu học tập có số điện thoại");
        }
        return list;
    }

    private Centre editable(CurrentUser user, long centreId) {
        Centre c = centres.require(user, centreId);
        if (!centres.canEdit(user, c)) {
            throw new AccessDeniedProblem("centre.cannotEdit");
        }
        return c;
    }

    private long insert(Centre c, Need n, String source, String by) {
        List<Violation> v = new ArrayList<>();
        if (!lists.isTopic(n.topic())) {
            v.add(new Violation("topic", "activity.topic.invalid"));
        }
        if (n.detail() != null && n.detail().strip().length() > TextLimits.LEARNING_NEED__DETAIL) {
            v.add(new Violation("detail", "need.detail.tooLong"));
        }
        if (n.ageGroup() != null && !n.ageGroup().isBlank() && java.util.Arrays.stream(AgeGroup.values()).noneMatch(x -> x.name().equals(n.ageGroup()))) {
            v.add(new Violation("ageGroup", "need.ageGroup.invalid"));
        }
        if (n.sex() != null && !n.sex().isBlank() && !n.sex().equals("MALE") && !n.sex().equals("FEMALE")) {
            v.add(new Violation("sex", "need.sex.invalid"));
        }
        if (n.phone() != null && !n.phone().isBlank() && !n.phone().strip().matches("\\+?[0-9 .]{8,15}")) {
            v.add(new Violation("phone", "need.phone.invalid"));
        }
        if (n.hamletId() != null) {
            OrgUnit h = units.find(n.hamletId()).orElse(null);
            if (h == null || h.level() != OrgUnit.HAMLET || h.parentId() != c.communeId()) {
                v.add(new Violation("hamletId", "activity.hamlet.invalid"));
            }
        }
        if (n.roundId() != null && !jdbc.sql("select exists (select 1 from survey_round where id = :r and centre_id = :c)")
                .param("r", n.roundId()).param("c", c.id()).query(Boolean.class).single()) {
            v.add(new Violation("roundId", "need.round.invalid"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        return jdbc.sql("""
                insert into learning_need (centre_id, province_id, round_id, topic_code, detail, age_group, sex, hamlet_id, phone, source, created_by)
                values (:c, :p, :r, :t, :d, :a, :s, :h, :ph, :src, :by) returning id
                """).param("c", c.id()).param("p", c.provinceId()).param("r", n.roundId()).param("t", n.topic())
                .param("d", Texts.orNull(n.detail())).param("a", Texts.orNull(n.ageGroup())).param("s", Texts.orNull(n.sex())).param("h", n.hamletId())
                .param("ph", Texts.orNull(n.phone())).param("src", source).param("by", by).query(Long.class).single();
    }

    /** Rate-limit rows older than a day are of no use; one instance purges them. */
    @Scheduled(cron = "${xhht.public.cleanup-cron:0 7 * * * *}")
    @SchedulerLock(name = "public-submission-cleanup", lockAtMostFor = "PT5M")
    public void purgeOldSubmissions() {
        jdbc.sql("delete from public_submission where at < now() - interval '1 day'").update();
    }

}
