package vn.xhht.centre;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.evidence.EvidenceFile;
import vn.xhht.evidence.EvidenceStore;
import vn.xhht.evidence.FileKind;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Texts;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.TextLimits;
import vn.xhht.shared.InvalidInputProblem.Violation;
import vn.xhht.shared.NotFoundProblem;

/** Recording and correcting activities. Every rule is checked before anything is written. */
@Service
@Transactional
@org.springframework.modulith.NamedInterface("api")
public class ActivityService {

    public static final String EVIDENCE_OWNER = "Activity";
    static final int MAX_PHOTOS = 10;

    /** What a person enters for an activity; {@code version} is required when editing. */
    public record Form(String type, String topic, String title, LocalDate startDate, LocalDate endDate, String venue,
                       Long hamletId, String leadUnit, String coordinating, String speakers, Integer participations,
                       Integer women, Integer ethnicMinority, Integer disadvantaged, BigDecimal cost, Long planRowId,
                       String note, Long version, Long clubId, Long campaignId, Integer plannedParticipations,
                       Integer ageUnder15, Integer age15to35, Integer age36to60, Integer ageOver60) {

        public Form(String type, String topic, String title, LocalDate startDate, LocalDate endDate, String venue, Long hamletId,
                    String leadUnit, String coordinating, String speakers, Integer participations, Integer women,
                    Integer ethnicMinority, Integer disadvantaged, BigDecimal cost, Long planRowId, String note, Long version,
                    Long clubId, Long campaignId) {
            this(type, topic, title, startDate, endDate, venue, hamletId, leadUnit, coordinating, speakers, participations, women,
                    ethnicMinority, disadvantaged, cost, planRowId, note, version, clubId, campaignId, null, null, null, null, null);
        }

        public Form(String type, String topic, String title, LocalDate startDate, LocalDate endDate, String venue, Long hamletId,
                    String leadUnit, String coordinating, String speakers, Integer participations, Integer women,
                    Integer ethnicMinority, Integer disadvantaged, BigDecimal cost, Long planRowId, String note, Long version) {
            this(type, topic, title, startDate, endDate, venue, hamletId, leadUnit, coordinating, speakers, participations, women,
                    ethnicMinority, disadvantaged, cost, planRowId, note, version, null, null);
        }
    }

    static final String SELECT = """
            select a.*, h.name as hamlet_name from activity a left join xhht_unit h on h.id = a.hamlet_id
            """;

    private final JdbcClient jdbc;
    private final CentreRegistry centres;
    private final OrgUnitDirectory units;
    private final ReferenceLists lists;
    private final EvidenceStore evidence;
    private final AuditTrail audit;

    ActivityService(JdbcClient jdbc, CentreRegistry centres, OrgUnitDirectory units, ReferenceLists lists,
                    EvidenceStore evidence, AuditTrail audit, vn.xhht.shared.PlanTargets plans) {
        this.plans = plans;
        this.jdbc = jdbc;
        this.centres = centres;
        this.units = units;
        this.lists = lists;
        this.evidence = evidence;
        this.audit = audit;
    }

    private final vn.xhht.shared.PlanTargets plans;

    /** Rows of the commune's plans for the month of {@code date} and the two around it: what an activity may fulfil. */
    @Transactional(readOnly = true)
    public List<vn.xhht.shared.PlanTargets.Row> planRows(long communeId, LocalDate date) {
        return plans.rowsBetween(communeId, date.withDayOfMonth(1).minusMonths(1), date.withDayOfMonth(1).plusMonths(1));
    }

    public Activity create(CurrentUser user, long centreId, Form f, List<EvidenceStore.Upload> photos) {
        return create(user, centreId, f, photos, List.of());
    }

    /** {@code kept}: ids of files chosen before a validation error and kept pending (see {@link EvidenceStore#storePending}). */
    public Activity create(CurrentUser user, long centreId, Form f, List<EvidenceStore.Upload> photos, List<Long> kept) {
        Centre centre = editableCentre(user, centreId);
        check(centre, f, photos, kept.size());
        long id = jdbc.sql("""
                insert into activity (centre_id, province_id, type_code, topic_code, title, start_date, end_date, venue, hamlet_id,
                                      lead_unit, coordinating, speakers, participations, women, ethnic_minority, disadvantaged,
                                      cost, plan_row_id, note, created_by, club_id, campaign_id, planned_participations,
                                      age_under_15, age_15_35, age_36_60, age_over_60)
                values (:centre, :province, :type, :topic, :title, :start, :end, :venue, :hamlet, :lead, :coord, :speakers,
                        :part, :women, :ethnic, :disadv, :cost, :planRow, :note, :by, :club, :campaign, :planned,
                        :a1, :a2, :a3, :a4) returning id
                """).params(params(f)).param("centre", centreId).param("province", centre.provinceId())
                .param("by", user.username()).query(Long.class).single();
        evidence.storeAll(user, EVIDENCE_OWNER, id, centre.communeId(), photos, PHOTO_KINDS, "photos");
        evidence.adopt(user, kept, EVIDENCE_OWNER, id, centre.communeId());
        Activity created = find(id).orElseThrow();
        audit.change(AuditAction.CREATE, "Activity", id, centre.communeId(), null, snapshot(created), "Ghi nhận hoạt động " + created.title());
        return created;
    }

    public Activity update(CurrentUser user, long activityId, Form f, List<EvidenceStore.Upload> photos) {
        return update(user, activityId, f, photos, List.of());
    }

    public Activity update(CurrentUser user, long activityId, Form f, List<EvidenceStore.Upload> photos, List<Long> kept) {
        Activity before = find(activityId).orElseThrow(() -> new NotFoundProblem("activity.notFound", activityId));
        Centre centre = editableCentre(user, before.centreId());
        if (f.version() == null) {
            throw new InvalidInputProblem("version", "error.versionRequired");
        }
        check(centre, f, photos, kept.size());
        int n = jdbc.sql("""
                update activity set type_code = :type, topic_code = :topic, title = :title, start_date = :start, end_date = :end,
                       venue = :venue, hamlet_id = :hamlet, lead_unit = :lead, coordinating = :coord, speakers = :speakers,
                       participations = :part, women = :women, ethnic_minority = :ethnic, disadvantaged = :disadv, cost = :cost,
                       plan_row_id = :planRow, note = :note, club_id = :club, campaign_id = :campaign,
                       planned_participations = :planned, age_under_15 = :a1, age_15_35 = :a2, age_36_60 = :a3, age_over_60 = :a4,
                       version = version + 1, updated_at = now()
                where id = :id and version = :v
                """).params(params(f)).param("id", activityId).param("v", f.version()).update();
        if (n == 0) {
            throw new ConcurrentEditProblem("Activity " + activityId);
        }
        evidence.storeAll(user, EVIDENCE_OWNER, activityId, centre.communeId(), photos, PHOTO_KINDS, "photos");
        evidence.adopt(user, kept, EVIDENCE_OWNER, activityId, centre.communeId());
        Activity after = find(activityId).orElseThrow();
        audit.change(AuditAction.UPDATE, "Activity", activityId, centre.communeId(), snapshot(before), snapshot(after),
                "Sửa hoạt động " + after.title());
        return after;
    }

    static final java.util.Set<FileKind> PHOTO_KINDS = EnumSet.of(FileKind.JPEG, FileKind.PNG, FileKind.WEBP, FileKind.GIF, FileKind.PDF);

    @Transactional(readOnly = true)
    public Activity require(CurrentUser user, long id) {
        Activity a = find(id).orElseThrow(() -> new NotFoundProblem("activity.notFound", id));
        centres.require(user, a.centreId());
        return a;
    }

    @Transactional(readOnly = true)
    public List<Activity> list(CurrentUser user, long centreId, LocalDate from, LocalDate to) {
        centres.require(user, centreId);
        return jdbc.sql(SELECT + " where a.centre_id = :c and a.start_date between :from and :to order by a.start_date desc, a.id desc limit 2000")
                .param("c", centreId).param("from", from).param("to", to).query(ActivityService::map).list();
    }

    @Transactional(readOnly = true)
    public List<EvidenceFile> photos(long activityId) {
        return evidence.list(EVIDENCE_OWNER, activityId);
    }

    Optional<Activity> find(long id) {
        return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(ActivityService::map).optional();
    }

    /** A row of the commune's plans that an activity may fulfil. */
    public record PlanRowOption(long id, String label) {
    }

    /** Rows of the commune's plans for the activity's month and the two around it: what the activity may fulfil. */
    public List<PlanRowOption> planRowOptions(long communeId, LocalDate date) {
        return planRows(communeId, date).stream().map(r -> new PlanRowOption(r.id(), r.label())).toList();
    }

    private Centre editableCentre(CurrentUser user, long centreId) {
        Centre centre = centres.require(user, centreId);
        if (!CentreRegistry.EDITORS.contains(user.role()) || !units.canWrite(user, centre.communeId())) {
            throw new AccessDeniedProblem("activity.cannotEdit");
        }
        return centre;
    }

    /** The photos' own rules (count, type, size), checked before a form with other errors keeps them pending. */
    public void checkPhotos(long centreId, List<EvidenceStore.Upload> photos, int alreadyKept) {
        if (photos.size() + alreadyKept > MAX_PHOTOS) {
            throw new InvalidInputProblem("photos", "activity.photos.tooMany", MAX_PHOTOS);
        }
        for (EvidenceStore.Upload u : photos) {
            evidence.check(u, PHOTO_KINDS, "photos");
        }
    }

    /** The user's pending files among the ids a form carried back. */
    @Transactional(readOnly = true)
    public List<EvidenceFile> keptPhotos(CurrentUser user, List<Long> ids) {
        return evidence.pending(user, ids == null ? List.of() : ids);
    }

    /** Keeps the photos of a form that could not be saved, so the user does not choose them again. */
    public List<EvidenceFile> keepPending(CurrentUser user, long centreId, List<EvidenceStore.Upload> photos) {
        Centre centre = editableCentre(user, centreId);
        return evidence.storePending(user, centre.communeId(), photos, PHOTO_KINDS, "photos");
    }

    private void check(Centre centre, Form f, List<EvidenceStore.Upload> photos, int otherPhotos) {
        List<Violation> v = new ArrayList<>();
        if (!lists.isActivityType(f.type())) {
            v.add(new Violation("type", "activity.type.invalid"));
        }
        if (!lists.isTopic(f.topic())) {
            v.add(new Violation("topic", "activity.topic.invalid"));
        }
        if (f.title() == null || f.title().isBlank()) {
            v.add(new Violation("title", "activity.title.required"));
        } else if (f.title().strip().length() > TextLimits.ACTIVITY__TITLE) {
            v.add(new Violation("title", "activity.title.tooLong"));
        }
        InputRules.maxLength(v, "venue", f.venue(), TextLimits.ACTIVITY__VENUE);
        InputRules.maxLength(v, "leadUnit", f.leadUnit(), TextLimits.ACTIVITY__LEAD_UNIT);
        InputRules.maxLength(v, "coordinating", f.coordinating(), TextLimits.ACTIVITY__COORDINATING);
        InputRules.maxLength(v, "speakers", f.speakers(), TextLimits.ACTIVITY__SPEAKERS);
        InputRules.maxLength(v, "note", f.note(), TextLimits.ACTIVITY__NOTE);
        InputRules.date(v, "startDate", f.startDate());
        InputRules.date(v, "endDate", f.endDate());
        InputRules.count(v, "plannedParticipations", f.plannedParticipations());
        InputRules.amount(v, "cost", f.cost());
        if (f.startDate() == null) {
            v.add(new Violation("startDate", "activity.startDate.required"));
        }
        LocalDate end = f.endDate() == null ? f.startDate() : f.endDate();
        if (f.startDate() != null && end.isBefore(f.startDate())) {
            v.add(new Violation("endDate", "activity.endDate.beforeStart"));
        }
        if (f.startDate() != null && !centre.activeOn(f.startDate())) {
            v.add(new Violation("startDate", "activity.startDate.outsideCommune", centre.communeName()));
        }
        int total = f.participations() == null ? -1 : f.participations();
        if (total < 0) {
            v.add(new Violation("participations", "activity.participations.required"));
        } else if (total > 100_000) {
            v.add(new Violation("participations", "activity.participations.tooMany"));
        }
        part(v, "women", f.women(), total);
        part(v, "ethnicMinority", f.ethnicMinority(), total);
        part(v, "disadvantaged", f.disadvantaged(), total);
        part(v, "ageUnder15", f.ageUnder15(), total);
        part(v, "age15to35", f.age15to35(), total);
        part(v, "age36to60", f.age36to60(), total);
        part(v, "ageOver60", f.ageOver60(), total);
        int ages = zero(f.ageUnder15()) + zero(f.age15to35()) + zero(f.age36to60()) + zero(f.ageOver60());
        if (total >= 0 && ages > total && v.stream().noneMatch(x -> x.field().startsWith("age"))) {
            v.add(new Violation("ageUnder15", "activity.ages.overTotal", ages, total));
        }
        if (f.plannedParticipations() != null && f.plannedParticipations() < 0) {
            v.add(new Violation("plannedParticipations", "activity.breakdown.negative"));
        }
        if (f.cost() != null && f.cost().signum() < 0) {
            v.add(new Violation("cost", "activity.cost.negative"));
        }
        if (f.hamletId() != null) {
            Optional<OrgUnit> h = units.find(f.hamletId());
            if (h.isEmpty() || h.get().level() != OrgUnit.HAMLET || !h.get().parentId().equals(centre.communeId())) {
                v.add(new Violation("hamletId", "activity.hamlet.invalid"));
            }
        }
        if (f.clubId() != null && !jdbc.sql("select exists (select 1 from club where id = :k and centre_id = :c)")
                .param("k", f.clubId()).param("c", centre.id()).query(Boolean.class).single()) {
            v.add(new Violation("clubId", "activity.club.invalid"));
        }
        if (f.campaignId() != null && f.startDate() != null && !jdbc.sql(
                "select exists (select 1 from campaign where id = :k and :d between starts_on - 30 and ends_on + 30)")
                .param("k", f.campaignId()).param("d", f.startDate()).query(Boolean.class).single()) {
            v.add(new Violation("campaignId", "activity.campaign.invalid"));
        }
        if (f.planRowId() != null && !plans.rowBelongsTo(f.planRowId(), centre.communeId())) {
            v.add(new Violation("planRowId", "activity.planRow.invalid"));
        }
        if (photos.size() + otherPhotos > MAX_PHOTOS) {
            v.add(new Violation("photos", "activity.photos.tooMany", MAX_PHOTOS));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        for (EvidenceStore.Upload u : photos) {
            evidence.check(u, PHOTO_KINDS, "photos");
        }
    }

    private static void part(List<Violation> v, String field, Integer value, int total) {
        if (value != null && value < 0) {
            v.add(new Violation(field, "activity.breakdown.negative"));
        } else if (value != null && total >= 0 && value > total) {
            v.add(new Violation(field, "activity.breakdown.overTotal", value, total));
        }
    }

    private static Map<String, Object> params(Form f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", f.type());
        p.put("topic", f.topic());
        p.put("title", java.text.Normalizer.normalize(f.title().strip(), java.text.Normalizer.Form.NFC));
        p.put("start", f.startDate());
        p.put("end", f.endDate() == null ? f.startDate() : f.endDate());
        p.put("venue", Texts.orNull(f.venue()));
        p.put("hamlet", f.hamletId());
        p.put("lead", Texts.orNull(f.leadUnit()));
        p.put("coord", Texts.orNull(f.coordinating()));
        p.put("speakers", Texts.orNull(f.speakers()));
        p.put("part", f.participations());
        p.put("women", f.women());
        p.put("ethnic", f.ethnicMinority());
        p.put("disadv", f.disadvantaged());
        p.put("cost", f.cost());
        p.put("planRow", f.planRowId());
        p.put("note", Texts.orNull(f.note()));
        p.put("club", f.clubId());
        p.put("campaign", f.campaignId());
        p.put("planned", f.plannedParticipations());
        p.put("a1", f.ageUnder15());
        p.put("a2", f.age15to35());
        p.put("a3", f.age36to60());
        p.put("a4", f.ageOver60());
        return p;
    }

    private static int zero(Integer i) {
        return i == null ? 0 : i;
    }


    static Map<String, Object> snapshot(Activity a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", a.type());
        m.put("topic", a.topic());
        m.put("title", a.title());
        m.put("startDate", String.valueOf(a.startDate()));
        m.put("endDate", String.valueOf(a.endDate()));
        m.put("participations", a.participations());
        m.put("women", a.women());
        m.put("ethnicMinority", a.ethnicMinority());
        m.put("disadvantaged", a.disadvantaged());
        m.put("leadUnit", a.leadUnit());
        m.put("version", a.version());
        return m;
    }

    static Activity map(ResultSet rs, int n) throws SQLException {
        return new Activity(rs.getLong("id"), rs.getLong("centre_id"), rs.getString("type_code"), rs.getString("topic_code"),
                rs.getString("title"), rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                rs.getString("venue"), rs.getObject("hamlet_id", Long.class), rs.getString("hamlet_name"), rs.getString("lead_unit"),
                rs.getString("coordinating"), rs.getString("speakers"), rs.getInt("participations"), rs.getObject("women", Integer.class),
                rs.getObject("ethnic_minority", Integer.class), rs.getObject("disadvantaged", Integer.class), rs.getBigDecimal("cost"),
                rs.getObject("plan_row_id", Long.class), rs.getString("note"), rs.getLong("version"),
                rs.getObject("club_id", Long.class), rs.getObject("campaign_id", Long.class),
                rs.getObject("planned_participations", Integer.class), rs.getObject("age_under_15", Integer.class),
                rs.getObject("age_15_35", Integer.class), rs.getObject("age_36_60", Integer.class), rs.getObject("age_over_60", Integer.class));
    }
}
