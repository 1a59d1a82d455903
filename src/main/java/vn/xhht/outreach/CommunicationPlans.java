package vn.xhht.outreach;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.evaluation.EvaluationCampaigns;
import vn.xhht.centre.Campaigns;
import vn.xhht.evidence.EvidenceFile;
import vn.xhht.evidence.EvidenceStore;
import vn.xhht.evidence.FileKind;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.InvalidInputProblem.Violation;
import vn.xhht.shared.NotFoundProblem;
import vn.xhht.shared.TextLimits;
import vn.xhht.shared.Texts;

/**
 * Communication plans (R40): what an office will say, on which channel, when and by whom, over a year; each item is
 * later marked done (with evidence: a photo, a scan of the article, a screenshot of the post) or not done (with why).
 */
@Service
@Transactional
public class CommunicationPlans {

    public static final String EVIDENCE_OWNER = "CommPlanItem";

    public record Channel(String code, String name) {
    }

    public record Item(long id, long unitId, String unitName, int year, String channelCode, String channelName, String topic,
                       LocalDate plannedOn, String responsibleUnit, Long campaignId, String campaignName, Boolean done,
                       LocalDate markedOn, String outcomeNote, long version, Long evalCampaignId, String evalCampaignName) {
    }

    /** {@code campaignId}: a centre activity campaign; {@code evalCampaignId}: an evaluation and recognition campaign. */
    public record Form(Long unitId, Integer year, String channelCode, String topic, LocalDate plannedOn, String responsibleUnit,
                       Long campaignId, Long evalCampaignId, Long version) {

        /** Without an evaluation campaign (the API and the forms written before the link existed). */
        public Form(Long unitId, Integer year, String channelCode, String topic, LocalDate plannedOn, String responsibleUnit,
                    Long campaignId, Long version) {
            this(unitId, year, channelCode, topic, plannedOn, responsibleUnit, campaignId, null, version);
        }
    }

    public record Mark(Boolean done, LocalDate markedOn, String note, Long version) {
    }

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final Campaigns campaigns;
    private final EvidenceStore evidence;
    private final AuditTrail audit;
    private final EvaluationCampaigns evalCampaigns;

    CommunicationPlans(JdbcClient jdbc, OrgUnitDirectory units, Campaigns campaigns, EvidenceStore evidence, AuditTrail audit,
                       EvaluationCampaigns evalCampaigns) {
        this.evalCampaigns = evalCampaigns;
        this.jdbc = jdbc;
        this.units = units;
        this.campaigns = campaigns;
        this.evidence = evidence;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Channel> channels() {
        return jdbc.sql("select code, name from comm_channel where active order by sort_order, code")
                .query((rs, n) -> new Channel(rs.getString(1), rs.getString(2))).list();
    }

    /** The unit's own plan of the year (the office's items, not those of units below). */
    @Transactional(readOnly = true)
    public List<Item> list(CurrentUser user, long unitId, int year) {
        units.requireReadable(user, unitId);
        return jdbc.sql(SELECT + " where i.unit_id = :unit and i.plan_year = :year order by i.planned_on, i.id")
                .param("unit", unitId).param("year", year).query((rs, n) -> map(rs)).list();
    }

    @Transactional(readOnly = true)
    public Item get(CurrentUser user, long id) {
        Item i = jdbc.sql(SELECT + " where i.id = :id").param("id", id).query((rs, n) -> map(rs)).optional()
                .orElseThrow(() -> new NotFoundProblem("outreach.comm.notFound", id));
        if (!units.canRead(user, i.unitId())) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        return i;
    }

    public boolean canEdit(CurrentUser user, Item i) {
        return units.canWrite(user, i.unitId());
    }

    @Transactional(readOnly = true)
    public List<EvidenceFile> evidence(long itemId) {
        return evidence.list(EVIDENCE_OWNER, itemId);
    }

    public long create(CurrentUser user, Form f) {
        Form c = check(user, f);
        long id = jdbc.sql("""
                insert into comm_plan_item (unit_id, plan_year, channel_code, topic, planned_on, responsible_unit, campaign_id,
                                            eval_campaign_id, created_by)
                values (:unit, :year, :channel, :topic, :on, :resp, :campaign, :evalCampaign, :by) returning id
                """).param("unit", c.unitId()).param("year", c.year()).param("channel", c.channelCode()).param("topic", c.topic())
                .param("on", c.plannedOn()).param("resp", c.responsibleUnit()).param("campaign", c.campaignId())
                .param("evalCampaign", c.evalCampaignId())
                .param("by", user.username()).query(Long.class).single();
        audit.change(AuditAction.CREATE, "CommPlanItem", id, c.unitId(), null, fields(c), "Kế hoạch truyền thông: " + c.topic());
        return id;
    }

    public void update(CurrentUser user, long id, Form f) {
        Item old = get(user, id);
        if (!canEdit(user, old)) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        Form c = check(user, new Form(old.unitId(), f.year(), f.channelCode(), f.topic(), f.plannedOn(), f.responsibleUnit(), f.campaignId(),
                f.evalCampaignId(), f.version()));
        int n = jdbc.sql("""
                update comm_plan_item set plan_year = :year, channel_code = :channel, topic = :topic, planned_on = :on,
                       responsible_unit = :resp, campaign_id = :campaign, eval_campaign_id = :evalCampaign, version = version + 1,
                       updated_at = now()
                where id = :id and version = :version
                """).param("year", c.year()).param("channel", c.channelCode()).param("topic", c.topic()).param("on", c.plannedOn())
                .param("resp", c.responsibleUnit()).param("campaign", c.campaignId()).param("evalCampaign", c.evalCampaignId()).param("id", id)
                .param("version", f.version() == null ? old.version() : f.version()).update();
        if (n == 0) {
            throw new ConcurrentEditProblem("CommPlanItem " + id);
        }
        audit.change(AuditAction.UPDATE, "CommPlanItem", id, old.unitId(),
                fields(new Form(old.unitId(), old.year(), old.channelCode(), old.topic(), old.plannedOn(), old.responsibleUnit(), old.campaignId(),
                        old.evalCampaignId(), null)),
                fields(c), "Sửa kế hoạch truyền thông: " + c.topic());
    }

    /**
     * Marks an item done or not done. Done needs evidence (files kept on the item, or uploaded now); not done needs the
     * reason. Uploads are checked before anything is saved.
     */
    public void mark(CurrentUser user, long id, Mark m, List<EvidenceStore.Upload> uploads) {
        mark(user, id, m, uploads, List.of());
    }

    /** As {@link #mark}, attaching the files kept from an earlier refused attempt ({@link #keepFiles}). */
    public void mark(CurrentUser user, long id, Mark m, List<EvidenceStore.Upload> uploads, List<Long> kept) {
        Item old = get(user, id);
        List<Long> keptIds = evidence.pending(user, kept).stream().map(vn.xhht.evidence.EvidenceFile::id).toList();
        if (!canEdit(user, old)) {
            throw new AccessDeniedProblem("error.unitOutOfScope");
        }
        List<Violation> v = new ArrayList<>();
        String note = Texts.orNull(m.note());
        if (m.done() == null) {
            v.add(new Violation("done", "outreach.comm.done.required"));
        }
        if (m.markedOn() == null) {
            v.add(new Violation("markedOn", "outreach.comm.markedOn.required"));
        }
        InputRules.date(v, "markedOn", m.markedOn());
        InputRules.maxLength(v, "note", note, TextLimits.COMM_PLAN_ITEM__OUTCOME_NOTE);
        List<EvidenceStore.Upload> files = uploads == null ? List.of() : uploads;
        if (Boolean.TRUE.equals(m.done()) && files.isEmpty() && keptIds.isEmpty() && evidence.list(EVIDENCE_OWNER, id).isEmpty()) {
            v.add(new Violation("files", "outreach.comm.evidence.required"));
        }
        if (Boolean.FALSE.equals(m.done()) && note == null) {
            v.add(new Violation("note", "outreach.comm.reason.required"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        for (EvidenceStore.Upload u : files) {
            evidence.check(u, FileKind.ATTACHMENTS, "files");
        }
        int n = jdbc.sql("""
                update comm_plan_item set done = :done, marked_on = :on, outcome_note = :note, version = version + 1, updated_at = now()
                where id = :id and version = :version
                """).param("done", m.done()).param("on", m.markedOn()).param("note", note).param("id", id)
                .param("version", m.version() == null ? old.version() : m.version()).update();
        if (n == 0) {
            throw new ConcurrentEditProblem("CommPlanItem " + id);
        }
        if (!files.isEmpty()) {
            evidence.storeAll(user, EVIDENCE_OWNER, id, old.unitId(), files, FileKind.ATTACHMENTS, "files");
        }
        evidence.adopt(user, keptIds, EVIDENCE_OWNER, id, old.unitId());
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("done", old.done());
        before.put("markedOn", old.markedOn() == null ? null : old.markedOn().toString());
        before.put("note", old.outcomeNote());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("done", m.done());
        after.put("markedOn", m.markedOn().toString());
        after.put("note", note);
        after.put("files", files.size() + keptIds.size());
        audit.change(AuditAction.UPDATE, "CommPlanItem", id, old.unitId(), before, after,
                (m.done() ? "Đã thực hiện: " : "Chưa thực hiện: ") + old.topic());
    }

    /**
     * Keeps the files chosen on a mark form that another field made the office send back, so nothing has to be
     * chosen again: each file that passes the evidence rules is stored pending (a refused one keeps its message).
     */
    public List<vn.xhht.evidence.EvidenceFile> keepFiles(CurrentUser user, long unitId, List<EvidenceStore.Upload> uploads) {
        List<EvidenceStore.Upload> good = uploads.stream().filter(u -> evidence.accepts(u, FileKind.ATTACHMENTS)).toList();
        return good.isEmpty() || !units.canWrite(user, unitId) ? List.of()
                : evidence.storePending(user, unitId, good, FileKind.ATTACHMENTS, "files");
    }

    public List<vn.xhht.evidence.EvidenceFile> pendingFiles(CurrentUser user, List<Long> ids) {
        return evidence.pending(user, ids);
    }

    private Form check(CurrentUser user, Form f) {
        List<Violation> v = new ArrayList<>();
        String topic = Texts.orNull(f.topic());
        String resp = Texts.orNull(f.responsibleUnit());
        String channel = Texts.orNull(f.channelCode());
        if (f.unitId() == null) {
            v.add(new Violation("unitId", "outreach.unit.required"));
        }
        if (f.year() == null || f.year() < 2000 || f.year() > 2100) {
            v.add(new Violation("year", "outreach.year.invalid"));
        }
        if (channel == null || channels().stream().noneMatch(c -> c.code().equals(channel))) {
            v.add(new Violation("channelCode", "outreach.comm.channel.required"));
        }
        if (topic == null) {
            v.add(new Violation("topic", "outreach.comm.topic.required"));
        }
        InputRules.maxLength(v, "topic", topic, TextLimits.COMM_PLAN_ITEM__TOPIC);
        if (f.plannedOn() == null) {
            v.add(new Violation("plannedOn", "outreach.comm.plannedOn.required"));
        }
        InputRules.date(v, "plannedOn", f.plannedOn());
        if (f.plannedOn() != null && f.year() != null && f.plannedOn().getYear() != f.year()) {
            v.add(new Violation("plannedOn", "outreach.comm.plannedOn.otherYear", f.year()));
        }
        if (resp == null) {
            v.add(new Violation("responsibleUnit", "outreach.comm.responsible.required"));
        }
        InputRules.maxLength(v, "responsibleUnit", resp, TextLimits.COMM_PLAN_ITEM__RESPONSIBLE_UNIT);
        // campaigns are national reference data: any existing one may be linked
        if (f.campaignId() != null && campaigns.all().stream().noneMatch(k -> k.id() == f.campaignId())) {
            v.add(new Violation("campaignId", "outreach.comm.campaign.unknown"));
        }
        // an evaluation campaign is named only if the user sees it: its own office's, or one of the offices above
        if (f.evalCampaignId() != null && evalCampaigns.find(user, f.evalCampaignId()).isEmpty()) {
            v.add(new Violation("evalCampaignId", "w16.comm.evalCampaign.unknown"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        OrgUnit unit = units.find(f.unitId()).orElseThrow(() -> new InvalidInputProblem("unitId", "outreach.unit.unknown"));
        if (!units.canWrite(user, unit.id())) {
            throw new InvalidInputProblem("unitId", "outreach.unit.outOfArea");
        }
        return new Form(unit.id(), f.year(), channel, topic, f.plannedOn(), resp, f.campaignId(), f.evalCampaignId(), f.version());
    }

    private static Map<String, Object> fields(Form f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", f.year());
        m.put("channel", f.channelCode());
        m.put("topic", f.topic());
        m.put("plannedOn", String.valueOf(f.plannedOn()));
        m.put("responsibleUnit", f.responsibleUnit());
        m.put("campaignId", f.campaignId());
        m.put("evalCampaignId", f.evalCampaignId());
        return m;
    }

    private static final String SELECT = """
            select i.*, u.name as unit_name, ch.name as channel_name from comm_plan_item i
            join xhht_unit u on u.id = i.unit_id join comm_channel ch on ch.code = i.channel_code
            """;

    private Item map(java.sql.ResultSet rs) throws java.sql.SQLException {
        Long campaign = rs.getObject("campaign_id", Long.class);
        Long evalCampaign = rs.getObject("eval_campaign_id", Long.class);
        String campaignName = campaign == null ? null : campaigns.all().stream().filter(k -> k.id() == campaign)
                .map(Campaigns.Campaign::name).findFirst().orElse(null);
        return new Item(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"), rs.getInt("plan_year"), rs.getString("channel_code"),
                rs.getString("channel_name"), rs.getString("topic"), rs.getObject("planned_on", LocalDate.class), rs.getString("responsible_unit"),
                campaign, campaignName, rs.getObject("done", Boolean.class), rs.getObject("marked_on", LocalDate.class),
                rs.getString("outcome_note"), rs.getLong("version"), evalCampaign,
                evalCampaign == null ? null : evalCampaigns.title(evalCampaign).orElse(null));
    }
}
