package vn.xhht.support;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.centre.ActivityService;
import vn.xhht.centre.Centre;
import vn.xhht.centre.CentreRegistry;
import vn.xhht.centre.LearningNeeds;
import vn.xhht.evaluation.CampaignService;
import vn.xhht.evaluation.Evaluation;
import vn.xhht.evaluation.EvaluationService;
import vn.xhht.evaluation.EvaluationSteps;
import vn.xhht.evaluation.SelfAssessment;
import vn.xhht.evaluation.Subjects;
import vn.xhht.evidence.EvidenceStore;
import vn.xhht.publishing.Publishing;
import vn.xhht.literacy.LiteracyClasses;
import vn.xhht.literacy.RegisterImport;
import vn.xhht.literacy.SampleRegister;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.plan.Plan;
import vn.xhht.plan.PlanService;
import vn.xhht.reporting.Report;
import vn.xhht.reporting.ReportEntry;
import vn.xhht.reporting.ReportListing;
import vn.xhht.reporting.ReportService;
import vn.xhht.review.Review;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Role;

/**
 * One data set that puts the system into every state a user meets, built through the application's own services
 * so that it stays valid when the rules change: plans and reports in every review status (late and overdue ones
 * too, waiting at the commune's province and, before the 2025 reform, at the district), evaluations at every step,
 * a rejected and a finished literacy import, activities held and planned, a closed district with history.
 * <p>
 * It uses the demo units (Xã Cần Yên, Tỉnh Cao Bằng, Huyện Hà Quảng) so that the demo accounts meet these states,
 * with periods and years no other test uses. Building is find-or-create on natural keys, so {@link #ensure} is
 * idempotent within the shared test context and database.
 */
public final class StateFixture {

    /** The ids of the fixture, by name ("plan.returned", "report.submitted", "evaluation.CHECKED", …). */
    public record State(Map<String, Long> ids) {
        public long id(String name) {
            Long v = ids.get(name);
            if (v == null) {
                throw new IllegalArgumentException("no fixture id " + name + " in " + ids.keySet());
            }
            return v;
        }
    }

    /** A demo-like user with the literacy permission (the demo officers have it, the evaluator does not). */
    record Officer(long userId, String username, String fullName, Role role, long unitId, boolean literacyAccess) implements CurrentUser {
        static Officer of(TestUsers.User u) {
            return new Officer(u.userId(), u.username(), u.fullName(), u.role(), u.unitId(), u.role() != Role.ASSOCIATION_EVALUATOR);
        }

        static Officer at(Role role, long unit) {
            return new Officer(-1, (role == Role.COMMUNE_OFFICER ? "xa." : "canbo.") + unit, "Cán bộ thử", role, unit, true);
        }
    }

    static final String MARK = " (lưới kiểm tra)";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    static final byte[] PDF = "%PDF-1.4\n% minh chung\n".getBytes(StandardCharsets.US_ASCII);

    private static State state;

    private final ApplicationContext ctx;
    private final JdbcClient jdbc;
    private final Map<String, Long> ids = new LinkedHashMap<>();

    private StateFixture(ApplicationContext ctx) {
        this.ctx = ctx;
        this.jdbc = ctx.getBean(JdbcClient.class);
    }

    public static synchronized State ensure(ApplicationContext ctx) {
        // rebuilt (find-or-create) on every use: a test that freed one of its periods meanwhile gets it back
        StateFixture f = new StateFixture(ctx);
        f.build();
        state = new State(Map.copyOf(f.ids));
        return state;
    }

    private <T> T bean(Class<T> type) {
        return ctx.getBean(type);
    }

    private void build() {
        Officer admin = Officer.of(TestUsers.load(jdbc, "admin"));
        Officer commune = Officer.of(TestUsers.load(jdbc, "xa.canyen"));
        Officer province = Officer.of(TestUsers.load(jdbc, "so.caobang"));
        Officer district = Officer.of(TestUsers.load(jdbc, "pgd.haquang"));
        Officer evaluator = Officer.of(TestUsers.load(jdbc, "hkh.caobang"));
        long canYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        long caoBang = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        long haQuang = TestUsers.unitId(jdbc, "045", OrgUnit.DISTRICT, "2025-06-30");
        ids.put("unit.canYen", canYen);
        ids.put("unit.caoBang", caoBang);
        ids.put("unit.haQuang", haQuang);
        ids.put("user.admin", admin.userId());
        ids.put("user.commune", commune.userId());
        // two other communes of Cao Bằng no test names (plans waiting for the province), one old commune of Hà Quảng
        // other than Lương Thông (plans and reports waiting for the district before the reform)
        List<Long> others = jdbc.sql("""
                select id from org_unit where level = 3 and province_id = :p and valid_to is null
                  and code not in ('01366', '01372', '01438') order by code limit 2
                """).param("p", caoBang).query(Long.class).list();
        long oldCommune = jdbc.sql("""
                select id from org_unit where level = 3 and parent_id = :d and code not in ('01366', '01372', '01438')
                  and valid_to = '2025-06-30' order by code limit 1
                """).param("d", haQuang).query(Long.class).single();
        ids.put("unit.oldCommune", oldCommune);

        long centre = centre(admin, canYen);
        ids.put("centre.canYen", centre);
        ids.put("centre.oldCommune", centre(admin, oldCommune));

        plans(commune, province, district, canYen, others, oldCommune);
        reports(commune, province, district, canYen, oldCommune, haQuang);
        evaluations(commune, province, evaluator, canYen);
        activities(commune, centre, oldCommune);
        club(commune, centre);
        literacy(commune, province, canYen, caoBang);
        budgets(commune, centre, canYen);
        training(province, caoBang);
        materials(commune, province);
        needs(centre);
        publishing(commune, province, caoBang);
        oversight(province, commune, canYen, centre);
        outreach(province, commune, canYen, centre);
        unitAttributes(admin, oldCommune);
        ids.put("legalDocument", jdbc.sql("select min(id) from legal_document").query(Long.class).single());
        ids.put("literacyRule", jdbc.sql("select min(id) from lit_standard").query(Long.class).single());
    }

    // ---- outreach: a communication item marked done with evidence, a border post, a programme with a model and a schedule
    // item, a centre's flood scenario activated over a planned activity ----

    private void outreach(Officer province, Officer commune, long canYen, long centre) {
        vn.xhht.outreach.CommunicationPlans plans = bean(vn.xhht.outreach.CommunicationPlans.class);
        vn.xhht.outreach.BorderCooperation coop = bean(vn.xhht.outreach.BorderCooperation.class);
        vn.xhht.outreach.Contingency contingency = bean(vn.xhht.outreach.Contingency.class);
        String topic = "Tuyên truyền Tuần lễ học tập suốt đời" + MARK;
        long item = jdbc.sql("select id from comm_plan_item where topic = :t").param("t", topic).query(Long.class).optional().orElseGet(() -> {
            long id = plans.create(province, new vn.xhht.outreach.CommunicationPlans.Form(province.unitId(), TODAY.getYear(), "LOUDSPEAKER", topic,
                    TODAY.withDayOfYear(1), "Đài truyền thanh xã", null, null));
            plans.mark(province, id, new vn.xhht.outreach.CommunicationPlans.Mark(true, TODAY, "Phát 3 buổi", null),
                    java.util.List.of(new vn.xhht.evidence.EvidenceStore.Upload("minh-chung.pdf", PDF)));
            return id;
        });
        ids.put("outreach.comm", item);
        String postName = "Đồn Biên phòng Cần Yên" + MARK;
        long post = jdbc.sql("select id from border_post where name = :n").param("n", postName).query(Long.class).optional().orElseGet(() -> {
            long id = coop.createPost(province, province.unitId(), postName, "Xã Cần Yên");
            coop.cover(province, id, canYen, LocalDate.of(2025, 7, 1), null);
            return id;
        });
        String number = "05/CTPH" + MARK;
        long programme = jdbc.sql("select id from coop_programme where number = :n").param("n", number).query(Long.class).optional().orElseGet(() -> {
            long id = coop.createProgramme(province, new vn.xhht.outreach.BorderCooperation.ProgrammeForm(province.unitId(), number,
                    "Chương trình phối hợp giai đoạn 2018–2025", "Sở GD&ĐT; Bộ Chỉ huy Bộ đội Biên phòng tỉnh", LocalDate.of(2018, 1, 1),
                    LocalDate.of(2025, 12, 31), null));
            coop.addModel(province, id, new vn.xhht.outreach.BorderCooperation.ModelForm(vn.xhht.outreach.BorderCooperation.ModelKind.ADOPT_CHILD,
                    "Con nuôi đồn Biên phòng", post, canYen, 2025, 4, null));
            coop.addScheduleItem(province, id, new vn.xhht.outreach.BorderCooperation.ScheduleForm(post, LocalDate.of(2025, 9, 5), "Trao học bổng", canYen));
            return id;
        });
        ids.put("outreach.programme", programme);
        long scenario = jdbc.sql("select id from contingency_scenario where centre_id = :c and hazard = 'FLOOD'").param("c", centre)
                .query(Long.class).optional().orElseGet(() -> {
                    long id = contingency.save(commune, new vn.xhht.outreach.Contingency.Form(null, centre, vn.xhht.outreach.Contingency.Hazard.FLOOD,
                            vn.xhht.centre.ActivityDisruptions.Action.POSTPONE, null, "Giám đốc TTHTCĐ", null, null));
                    contingency.activate(commune, id, new vn.xhht.outreach.Contingency.ActivationForm(TODAY, TODAY.plusDays(30), "Lũ" + MARK));
                    return id;
                });
        ids.put("outreach.scenario", scenario);
    }

    // ---- dated commune attributes: a border commune of Hà Quảng for the period of QĐ 861 (find-or-create) ----
    private void unitAttributes(Officer admin, long oldCommune) {
        boolean present = jdbc.sql("select exists (select 1 from unit_attribute where unit_id = :u and attribute = 'BORDER')")
                .param("u", oldCommune).query(Boolean.class).single();
        if (!present) {
            String code = jdbc.sql("select code from org_unit where id = :u").param("u", oldCommune).query(String.class).single();
            bean(vn.xhht.orgunit.UnitAttributes.class).add(admin, new vn.xhht.orgunit.UnitAttributes.Input(code, "BORDER", "true",
                    LocalDate.of(2021, 6, 4), LocalDate.of(2025, 6, 30), "Quyết định thử" + MARK, "UNCERTAIN", null));
        }
    }

    // ---- oversight: a licensed, inspected and sanctioned language centre, a pending one, a centre inspection ----

    private void oversight(Officer province, Officer commune, long canYen, long centre) {
        vn.xhht.oversight.EstablishmentRegistry registry = bean(vn.xhht.oversight.EstablishmentRegistry.class);
        vn.xhht.oversight.Inspections inspections = bean(vn.xhht.oversight.Inspections.class);
        String name = "Trung tâm Ngoại ngữ Lưới Kiểm Tra" + MARK;
        String pendingName = "Cơ sở dạy thêm chưa đăng ký" + MARK;
        Optional<Long> found = jdbc.sql("select id from ovs_establishment where name = :n").param("n", name).query(Long.class).optional();
        long licensed = found.orElseGet(() -> registry.create(province, new vn.xhht.oversight.EstablishmentRegistry.Form(
                vn.xhht.oversight.Establishment.Kind.FOREIGN_LANGUAGE_IT, name, "Số 3 phố Kim Đồng", canYen, "Công ty Lưới",
                vn.xhht.oversight.Establishment.OwnerKind.ORGANISATION, "Nguyễn Văn Lưới", LocalDate.of(2025, 1, 1), null, "Tiếng Anh",
                "1.000.000 đồng/tháng", null, null, List.of(new vn.xhht.oversight.Establishment.Teacher(null, "Jane Doe", true, "Canada",
                "TESOL", LocalDate.of(2025, 1, 1))), null)));
        if (found.isEmpty()) {
            registry.addAct(province, licensed, new vn.xhht.oversight.EstablishmentRegistry.ActForm(
                    vn.xhht.oversight.Establishment.ActKind.OPERATION_PERMISSION, "LUOI-" + licensed + "/QĐ-SGDĐT", TODAY.minusMonths(14), null, null));
            long insp = inspections.create(province, new vn.xhht.oversight.Inspections.Form(vn.xhht.oversight.Inspection.SubjectType.ESTABLISHMENT,
                    licensed, TODAY.minusDays(20), null, List.of(new vn.xhht.oversight.Inspection.Member("Lê Văn Lưới", "Sở GD&ĐT", "Trưởng đoàn")), null));
            inspections.addFinding(province, insp, new vn.xhht.oversight.Inspections.FindingForm(6, "S-06", "Dạy ngoài địa điểm được phép",
                    "Đưa học viên về địa điểm được phép", 5));
            inspections.addFinding(province, insp, new vn.xhht.oversight.Inspections.FindingForm(2, null, "Phòng học đạt yêu cầu", null, null));
            inspections.decide(province, insp, new vn.xhht.oversight.Inspections.DecisionForm("LUOI-" + insp + "/QĐ-XPHC", TODAY.minusDays(10),
                    "Chánh Thanh tra Sở GD&ĐT", 15_000_000L));
            jdbc.sql("insert into ovs_establishment (kind, name, address, unit_id) values ('EXTRA_TEACHING', :n, 'Xóm Nà Mạ', :u)")
                    .param("n", pendingName).param("u", canYen).update();
            inspections.create(commune, new vn.xhht.oversight.Inspections.Form(vn.xhht.oversight.Inspection.SubjectType.CENTRE, centre,
                    TODAY.minusDays(5), null, List.of(new vn.xhht.oversight.Inspection.Member("Đàm Văn Lưới", "UBND xã Cần Yên", null)), null));
        }
        ids.put("oversight.establishment", licensed);
        ids.put("oversight.establishment.pending", jdbc.sql("select id from ovs_establishment where name = :n")
                .param("n", pendingName).query(Long.class).single());
        ids.put("oversight.inspection.sanctioned", jdbc.sql("select min(i.id) from ovs_inspection i join ovs_sanction s on s.inspection_id = i.id where i.establishment_id = :e")
                .param("e", licensed).query(Long.class).single());
        ids.put("oversight.inspection.centre", jdbc.sql("select max(id) from ovs_inspection where centre_id = :c")
                .param("c", centre).query(Long.class).single());
        // one dialogue of the commune with its businesses (the year then shows "thiếu" against the two of the rule)
        String topics = "Công khai học phí, địa điểm dạy thêm" + MARK;
        ids.put("oversight.dialogue", jdbc.sql("select id from ovs_dialogue where topics = :t").param("t", topics).query(Long.class).optional()
                .orElseGet(() -> bean(vn.xhht.oversight.Dialogues.class).create(commune, new vn.xhht.oversight.Dialogues.Form(canYen,
                        TODAY.minusDays(30), "UBND xã, 3 cơ sở dạy thêm", topics, "Các cơ sở cam kết công khai theo Mẫu 02", null, null))));
    }

    private long centre(CurrentUser admin, long commune) {
        CentreRegistry centres = bean(CentreRegistry.class);
        return centres.ofCommune(commune).map(Centre::id).orElseGet(() -> centres.create(admin, commune,
                "Trung tâm học tập cộng đồng " + jdbc.sql("select name from org_unit where id = :id").param("id", commune).query(String.class).single()).id());
    }

    // ---- plans ----

    private void plans(Officer commune, Officer province, Officer district, long canYen, List<Long> others, long oldCommune) {
        PlanService plans = bean(PlanService.class);
        // approved, late: the 2025 plan was due on 23/01/2025 and is submitted now
        ids.put("plan.approved", plan(plans, commune, canYen, 2025, p -> {
            plans.submit(commune, p);
            plans.approve(province, p, "Đồng ý triển khai.");
        }));
        ids.put("plan.returned", plan(plans, commune, canYen, TODAY.getYear() + 2, p -> {
            plans.submit(commune, p);
            plans.returnWithComment(province, p, "Bổ sung chỉ tiêu lớp xóa mù chữ.");
        }));
        Officer a = Officer.at(Role.COMMUNE_OFFICER, others.get(0));
        ids.put("plan.submitted", plan(plans, a, others.get(0), TODAY.getYear(), p -> plans.submit(a, p)));
        Officer b = Officer.at(Role.COMMUNE_OFFICER, others.get(1));
        ids.put("plan.draftLate", plan(plans, b, others.get(1), TODAY.getYear(), p -> { }));
        // before the reform the district approves the commune's plan
        ids.put("plan.submittedToDistrict", plan(plans, district, oldCommune, 2024, p -> plans.submit(district, p)));
    }

    private long plan(PlanService plans, Officer user, long owner, int year, java.util.function.LongConsumer steps) {
        Optional<Plan> found = plans.ofOwner(user, owner).stream().filter(p -> p.planYear() == year).findFirst();
        if (found.isPresent()) {
            return found.get().id();
        }
        Plan p = plans.create(user, owner, year, false);
        plans.updateText(user, p.id(), "Nâng cao chất lượng hoạt động của trung tâm học tập cộng đồng.",
                "Tổ chức các chuyên đề pháp luật, nông nghiệp cho người dân.", "Phối hợp với Hội Khuyến học và đoàn thể.",
                plans.require(user, p.id()).version());
        p.targets().stream().findFirst().ifPresent(t -> plans.setTarget(user, p.id(), t.id(), null, null, BigDecimal.valueOf(12)));
        LocalDate month = year < 2025 ? LocalDate.of(year, 11, 1) : LocalDate.of(year, 10, 1);
        plans.addRow(user, p.id(), month, "Tổ chức Tuần lễ hưởng ứng học tập suốt đời", "TTHTCĐ", "Hội Khuyến học", null);
        steps.accept(p.id());
        return p.id();
    }

    // ---- reports ----

    private void reports(Officer commune, Officer province, Officer district, long canYen, long oldCommune, long haQuang) {
        ReportService reports = bean(ReportService.class);
        String q = "centre-quarterly";
        ids.put("report.approved", report(reports, commune, q, "2025Q3", canYen, r -> {
            submit(reports, commune, r);
            reports.approve(province, r, "Đạt yêu cầu.");
        }));
        ids.put("report.returned", report(reports, commune, q, "2025Q4", canYen, r -> {
            submit(reports, commune, r);
            reports.returnWithComment(province, r, "Bổ sung số liệu độ tuổi.");
        }));
        ids.put("report.submitted", report(reports, commune, q, "2026Q1", canYen, r -> submit(reports, commune, r)));
        // a draft past its deadline (30/09/2026): overdue
        ids.put("report.draftOverdue", report(reports, commune, q, "2026Q3", canYen, r -> { }));
        // before the reform: the commune's report waits at the district, the district's roll-up at the old province
        Officer old = Officer.at(Role.COMMUNE_OFFICER, oldCommune);
        ids.put("report.submittedToDistrict", report(reports, old, q, "2025Q1", oldCommune, r -> submit(reports, old, r)));
        ids.put("report.districtSubmitted", report(reports, district, q, "2024Q4", haQuang, r -> submit(reports, district, r)));
        ids.put("report.provinceDraft", report(reports, province, q, "2025Q3", ids.get("unit.caoBang"), r -> { }));
    }

    private long report(ReportService reports, Officer user, String template, String period, long unit, java.util.function.LongConsumer steps) {
        Optional<Long> found = bean(ReportListing.class).find(template, period, unit);
        if (found.isPresent()) {
            return found.get();
        }
        Report r = reports.create(user, template, period, unit);
        steps.accept(r.id());
        return r.id();
    }

    /** Fills what the submission requires (texts; figures the data left blank), then submits. */
    private void submit(ReportService reports, Officer user, long id) {
        Report r = reports.require(user, id);
        Map<String, String> values = new LinkedHashMap<>();
        for (var f : r.template().fields()) {
            if (!f.required()) {
                continue;
            }
            if (f.numeric() && r.num(f.code()) == null) {
                values.put(f.code(), "1");
            } else if (!f.numeric() && (r.text(f.code()) == null || r.text(f.code()).isBlank())) {
                values.put(f.code(), "Người dân tham gia đông, nội dung thiết thực.");
            }
        }
        if (!values.isEmpty()) {
            bean(ReportEntry.class).saveValues(user, id, r.version(), values, Map.of());
        }
        reports.submit(user, id);
    }

    // ---- evaluations ----

    private void evaluations(Officer commune, Officer province, Officer evaluator, long canYen) {
        EvaluationService evaluations = bean(EvaluationService.class);
        SelfAssessment assessment = bean(SelfAssessment.class);
        EvaluationSteps steps = bean(EvaluationSteps.class);
        Subjects subjects = bean(Subjects.class);
        String[] schools = {"Trường Mầm non", "Trường Tiểu học", "Trường THCS", "Trường PTDTBT", "Trung tâm GDNN-GDTX",
                "Trường Tiểu học số 2", "Trường Mầm non số 2", "Trường THCS số 2", "Trường PTDTBT số 2"};
        int i = 0;
        for (Evaluation.Stage target : Evaluation.Stage.values()) {
            if (target == Evaluation.Stage.PLANNED) {
                // a check plan is a step of frameworks that ask for one (TT 44/2014); no shipped framework that does
                // has known levels, so no dossier of it can be submitted: EvaluationProcedureTest covers that step
                continue;
            }
            String name = schools[i++] + " Cần Yên" + MARK;
            Optional<Long> found = jdbc.sql("""
                    select e.id from evaluation e join eval_subject s on s.id = e.subject_id where s.name = :n
                    """).param("n", name).query(Long.class).optional();
            if (found.isPresent()) {
                ids.put("evaluation." + target, found.get());
                continue;
            }
            Subjects.Subject s = subjects.register(commune, "UNIT", name, "Hoàng Văn Lâm", 24, canYen);
            Evaluation e = evaluations.create(commune, "tt22-2020-unit", null, s.id(), 2024, null);
            long id = e.id();
            ids.put("evaluation." + target, id);
            if (target == Evaluation.Stage.DRAFT) {
                continue;
            }
            var framework = evaluations.view(commune, id).framework();
            Map<String, EvaluationService.ScoreInput> in = new LinkedHashMap<>();
            // every item at its best: only a recognisable result may be submitted (no request letter for "Chưa đạt")
            framework.items().forEach(item -> in.put(item.code(), switch (item.type()) {
                case POINTS -> new EvaluationService.ScoreInput(item.maxPoints() != null ? item.maxPoints() : BigDecimal.TEN, null, null, "Có kế hoạch và biên bản.");
                case PASSFAIL -> new EvaluationService.ScoreInput(null, true, null, "Có kế hoạch và biên bản.");
                case MEASURE -> new EvaluationService.ScoreInput(null, null, new BigDecimal("100"), "Có kế hoạch và biên bản.");
            }));
            assessment.saveScores(commune, id, in, null);
            in.keySet().forEach(code -> assessment.attachEvidence(commune, id, code,
                    List.of(new EvidenceStore.Upload("minh-chung-" + code + ".pdf", PDF))));
            steps.submit(commune, id);
            if (target == Evaluation.Stage.SUBMITTED) {
                continue;
            }
            if (target == Evaluation.Stage.RETURNED) {
                steps.returnWithReasons(province, id, "Thiếu biên bản họp.");
                continue;
            }
            steps.accept(province, id, "Hồ sơ đầy đủ.");
            if (target == Evaluation.Stage.ACCEPTED) {
                continue;
            }
            steps.check(evaluator, id, "Bà Lê Thị Hoa (Hội Khuyến học tỉnh)", TODAY, Map.of(), "Đúng thực tế.");
            if (target == Evaluation.Stage.CHECKED) {
                continue;
            }
            if (target == Evaluation.Stage.PROPOSED) {
                steps.propose(province, id, null);
                continue;
            }
            steps.decide(province, id, i + "/QĐ-SGDĐT", TODAY, "Nguyễn Văn An");
            if (target == Evaluation.Stage.PUBLISHED) {
                steps.publish(province, id);
            }
        }
        ids.put("evidence", jdbc.sql("""
                select min(f.id) from evidence_file f join evaluation_score sc on sc.id = f.owner_id and f.owner_type = 'EvaluationScore'
                where sc.evaluation_id = :e
                """).param("e", ids.get("evaluation.PUBLISHED")).query(Long.class).single());
        emulation(province, ids.get("unit.caoBang"), canYen);
        CampaignService campaigns = bean(CampaignService.class);
        ids.put("campaign", campaigns.visibleTo(province).stream().filter(c -> c.title().endsWith(MARK)).findFirst()
                .map(CampaignService.Campaign::id)
                .orElseGet(() -> campaigns.open(province, ids.get("unit.caoBang"), "tt25-2023-commune", TODAY.getYear(),
                        "Đánh giá xã hội học tập năm " + TODAY.getYear() + MARK, null, null, null, null).id()));
    }

    /** A club with how to join, so the centre's public-information form and public page show one (issue 16). */
    private void club(Officer commune, long centre) {
        String name = "CLB Đọc sách" + MARK;
        if (jdbc.sql("select count(*) from club where centre_id = :c and name = :n").param("c", centre).param("n", name)
                .query(Long.class).single() == 0) {
            long id = bean(vn.xhht.centre.CentreRecords.class).addClub(commune, centre, name, "Đọc sách", null);
            jdbc.sql("update club set how_to_join = 'Đăng ký với chủ nhiệm câu lạc bộ tại nhà văn hoá xã' where id = :id").param("id", id).update();
        }
    }

    /** An emulation plan of 5 contents and 10 criteria with one cluster, a briefing and points (R27). */
    private void emulation(Officer province, long caoBang, long canYen) {
        vn.xhht.evaluation.EmulationClusters emulation = bean(vn.xhht.evaluation.EmulationClusters.class);
        Optional<Long> found = jdbc.sql("select c.id from emulation_cluster c join emulation_plan p on p.id = c.plan_id where p.title = :t")
                .param("t", "Kế hoạch thi đua" + MARK).query(Long.class).optional();
        if (found.isPresent()) {
            ids.put("emulationCluster", found.get());
            return;
        }
        StringBuilder criteria = new StringBuilder();
        for (int c = 1; c <= 5; c++) {
            for (int k = 1; k <= 2; k++) {
                criteria.append("Nội dung ").append(c).append("; Tiêu chí ").append(c).append('.').append(k).append("; 10\n");
            }
        }
        var plan = emulation.createPlan(province, caoBang, TODAY.getYear(), "Kế hoạch thi đua" + MARK, "Hội Khuyến học tỉnh", criteria.toString());
        long other = jdbc.sql("select id from org_unit where parent_id = :p and id <> :c and valid_to is null order by id limit 1")
                .param("p", caoBang).param("c", canYen).query(Long.class).single();
        var cluster = emulation.createCluster(province, plan.id(), "Cụm thi đua số 1", List.of(canYen, other));
        emulation.addBriefing(province, cluster.id(), (TODAY.getMonthValue() - 1) / 3 + 1, TODAY, "Giao ban tiến độ");
        emulation.saveScores(province, cluster.id(), canYen, Map.of(plan.items().get(0).id(), new BigDecimal("8.5")));
        ids.put("emulationCluster", cluster.id());
    }

    // ---- activities ----

    private void activities(Officer commune, long centre, long oldCommune) {
        ActivityService activities = bean(ActivityService.class);
        ids.put("activity.past", activity(activities, commune, centre, "Chuyên đề phòng chống ma túy" + MARK, TODAY.minusDays(20), 40));
        ids.put("activity.future", activity(activities, commune, centre, "Chuyên đề chăm sóc cây chè" + MARK, TODAY.plusDays(10), null));
        // history of the closed district: an activity its old commune held before the reform
        Officer old = Officer.at(Role.DISTRICT_OFFICER, ids.get("unit.haQuang"));
        ids.put("activity.closedDistrict", activity(activities, old, ids.get("centre.oldCommune"), "Chuyên đề trồng rừng" + MARK,
                LocalDate.of(2025, 3, 15), 25));
    }

    private long activity(ActivityService activities, Officer user, long centre, String title, LocalDate day, Integer participations) {
        return jdbc.sql("select id from activity where title = :t").param("t", title).query(Long.class).optional().orElseGet(() ->
                activities.create(user, centre, new ActivityService.Form("THEMATIC_SESSION", "LAW", title, day, day, "Nhà văn hóa thôn",
                        null, "TTHTCĐ", "Hội Phụ nữ", "Ông Nông Văn Bình", participations == null ? 0 : participations,
                        participations == null ? null : participations / 2, participations == null ? null : participations - 5,
                        null, null, null, null, null, null, null, participations == null ? 30 : null, null, null, null, null),
                        List.of()).id());
    }

    // ---- budgets ----

    /** The budget of Cần Yên's centre in each state, in years no budget test uses: draft, returned, submitted, approved with spending, settled. */
    private void budgets(Officer commune, long centre, long canYen) {
        vn.xhht.resources.BudgetService budgets = bean(vn.xhht.resources.BudgetService.class);
        Officer chairman = Officer.at(Role.COMMUNE_OFFICER, canYen);
        String[] states = {"draft", "returned", "submitted", "approved", "settled"};
        for (int i = 0; i < states.length; i++) {
            int year = 2011 + i;
            String state = states[i];
            long id = budgets.ofCentreYear(commune, centre, year).map(vn.xhht.resources.Budget::id).orElseGet(() -> {
                long b = budgets.create(commune, centre, year).id();
                budgets.addLine(commune, b, new vn.xhht.resources.BudgetService.LineInput("ESTIMATE", "STATE_SUPPORT", null, 25_000_000L,
                        (year - 1) + "-11-20", null, "Hỗ trợ theo Thông tư 96/2008" + MARK));
                budgets.addLine(commune, b, new vn.xhht.resources.BudgetService.LineInput("ESTIMATE", null, "MATERIALS", 25_000_000L,
                        (year - 1) + "-11-20", null, "Mua sách cho tủ sách" + MARK));
                if (state.equals("draft")) {
                    return b;
                }
                budgets.submit(commune, b);
                if (state.equals("returned")) {
                    budgets.returnWithComment(chairman, b, "Bổ sung nguồn vận động" + MARK);
                } else if (!state.equals("submitted")) {
                    budgets.approve(chairman, b, "Đồng ý" + MARK);
                    budgets.addLine(commune, b, new vn.xhht.resources.BudgetService.LineInput("ALLOCATION", "STATE_SUPPORT", null, 25_000_000L,
                            (year - 1) + "-12-20", null, null));
                    budgets.addLine(commune, b, new vn.xhht.resources.BudgetService.LineInput("SPENDING", null, "MATERIALS", 1_500_000L,
                            year + "-03-10", null, "Mua sách" + MARK));
                    // a spending line linked to the asset it bought (issue 17): the page and the .xlsx name it
                    long asset = bean(vn.xhht.centre.CentreRecords.class).addAsset(commune, centre, "EQUIPMENT", "Loa kéo " + year + MARK, 1,
                            "Ngân sách xã", null, "GOOD");
                    budgets.addLine(commune, b, new vn.xhht.resources.BudgetService.LineInput("SPENDING", null, "EQUIPMENT", 2_000_000L,
                            year + "-04-10", null, "Mua loa kéo" + MARK, null, null, asset));
                    if (state.equals("settled")) {
                        budgets.lockSettlement(commune, b);
                    }
                }
                return b;
            });
            ids.put("budget." + state, id);
        }
    }

    /** Learning materials of Cần Yên: one waiting for the department (with a PDF file), one approved. */
    private void materials(Officer commune, Officer province) {
        vn.xhht.resources.LearningMaterials materials = bean(vn.xhht.resources.LearningMaterials.class);
        for (String state : List.of("submitted", "approved")) {
            String title = ("submitted".equals(state) ? "Sổ tay tuyên truyền pháp luật" : "Bài giảng kỹ năng sống") + MARK;
            long id = jdbc.sql("select id from learning_material where title = :t").param("t", title).query(Long.class).optional().orElseGet(() -> {
                var m = materials.create(commune, new vn.xhht.resources.LearningMaterials.Form(commune.unitId(), title,
                        "submitted".equals(state) ? "BOOKLET" : "SLIDES", "Pháp luật", "Người dân", "Trung tâm GDNN-GDTX", null,
                        "https://example.org/hoc-lieu", "2026", "BOTH", "submitted".equals(state) ? "20" : null, "Được phép sao chụp",
                        "Các trung tâm trong tỉnh", null),
                        List.of(new vn.xhht.evidence.EvidenceStore.Upload("so-tay.pdf",
                                "%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))), List.of());
                if ("approved".equals(state)) {
                    materials.approve(province, m.id(), "Đạt" + MARK);
                }
                return m.id();
            });
            ids.put("material." + state, id);
            ids.put("material." + state + ".file", materials.require(commune, id).files().get(0).id());
        }
    }

    /** A training event of the province this year (shown on the training pages and read by the API). */
    private void training(Officer province, long caoBang) {
        vn.xhht.resources.Trainings trainings = bean(vn.xhht.resources.Trainings.class);
        String title = "Tập huấn báo cáo viên trung tâm học tập cộng đồng" + MARK;
        ids.put("training", jdbc.sql("select id from training_event where title = :t").param("t", title).query(Long.class).optional()
                .orElseGet(() -> trainings.create(province, new vn.xhht.resources.Trainings.Form(caoBang, title, "Kỹ năng truyền thông",
                        TODAY.minusDays(30), TODAY.minusDays(29), "PROVINCE", "Hội trường Sở GD&ĐT", "Chuyên viên Sở", "Báo cáo viên")).id()));
        // a training whose attendance was taken on its page, from a person of Cần Yên's centre
        String attended = "Tập huấn hướng dẫn viên đã điểm danh" + MARK;
        ids.put("training.attended", jdbc.sql("select id from training_event where title = :t").param("t", attended).query(Long.class).optional()
                .orElseGet(() -> {
                    long centre = ids.get("centre.canYen");
                    long person = jdbc.sql("insert into person (province_id, full_name) values (:p, :n) returning id")
                            .param("p", caoBang).param("n", "Hà Thị Mai" + MARK).query(Long.class).single();
                    jdbc.sql("insert into centre_person (centre_id, person_id, role) values (:c, :p, 'INSTRUCTOR')")
                            .param("c", centre).param("p", person).update();
                    long id = trainings.create(province, new vn.xhht.resources.Trainings.Form(caoBang, attended, null,
                            TODAY.minusDays(20), null, "PROVINCE", null, null, null)).id();
                    trainings.setAttendance(province, id, List.of(person));
                    return id;
                }));
    }

    // ---- literacy ----

    private void literacy(Officer commune, Officer province, long canYen, long caoBang) {
        RegisterImport imports = bean(RegisterImport.class);
        // rejected: a hamlet the commune does not have (nothing of the register changes)
        ids.put("import.rejected", importFile(imports, commune, canYen, "so-xoa-mu-chu-sai-ma-thon" + MARK + ".csv",
                "01366,01366.999,H1,Chủ hộ H1,Số 1,P1,Nông Văn Ánh,Nam,01/01/1990,02,,,TT,,,9,,,MĐ2,"));
        // finished: two persons in a commune of the fixture with its own hamlets
        long commune2 = literacyCommune(caoBang);
        ids.put("unit.literacyCommune", commune2);
        ids.put("centre.literacyCommune", centre(Officer.of(TestUsers.load(jdbc, "admin")), commune2));
        String code = jdbc.sql("select code from org_unit where id = :id").param("id", commune2).query(String.class).single();
        Officer officer = Officer.at(Role.COMMUNE_OFFICER, commune2);
        ids.put("import.done", importFile(imports, officer, commune2, "so-xoa-mu-chu-thon-na" + MARK + ".csv",
                String.join(",", code, code + ".001", "H1", "Chủ hộ H1", "Số 1", "P1", "Nông Văn Ánh", "Nam", "01/01/1990", "02", "", "",
                        "TT", "", "", "9", "", "", "MĐ2", ""),
                String.join(",", code, code + ".001", "H1", "Chủ hộ H1", "Số 1", "P2", "Lục Thị Bình", "Nữ", "01/01/1985", "02", "", "",
                        "TT", "", "", "2", "", "", "MC", "")));
        ids.put("literacyPerson", jdbc.sql("select min(id) from lit_person where commune_id = :c")
                .param("c", commune2).query(Long.class).single());
        LiteracyClasses classes = bean(LiteracyClasses.class);
        ids.put("literacyClass", jdbc.sql("select id from lit_class where commune_id = :c").param("c", commune2).query(Long.class).optional()
                .orElseGet(() -> classes.create(officer, commune2, "XMC_STAGE1", "Lớp xóa mù chữ thôn Nà Mạ", "Nhà văn hóa thôn", null,
                        "Cô Hoàng Thị Mai", TODAY.minusMonths(2), TODAY.plusMonths(4), "Ngân sách xã")));
    }

    private long literacyCommune(long province) {
        return jdbc.sql("select id from org_unit where code = 'NET01' and level = 3").query(Long.class).optional().orElseGet(() -> {
            long id = jdbc.sql("""
                    insert into org_unit (code, name, type, level, parent_id, province_id, valid_from, source)
                    values ('NET01', 'Xã Nà Mạ', 'Xã', 3, :p, :p, '2025-07-01', 'TEST') returning id
                    """).param("p", province).query(Long.class).single();
            jdbc.sql("update org_unit set path = (select path from org_unit where id = :p) || id || '/' where id = :id")
                    .param("p", province).param("id", id).update();
            long h = jdbc.sql("""
                    insert into org_unit (code, name, type, level, parent_id, province_id, valid_from, source)
                    values ('NET01.001', 'Thôn Nà Mạ', 'Thôn', 4, :c, :p, '2025-07-01', 'TEST') returning id
                    """).param("c", id).param("p", province).query(Long.class).single();
            jdbc.sql("update org_unit set path = (select path from org_unit where id = :c) || id || '/' where id = :id")
                    .param("c", id).param("id", h).update();
            return id;
        });
    }

    private long importFile(RegisterImport imports, Officer user, long unit, String name, String... rows) {
        Optional<Long> found = jdbc.sql("select id from lit_import where file_name = :f").param("f", name).query(Long.class).optional();
        if (found.isPresent()) {
            return found.get();
        }
        try {
            Path f = Files.createTempFile("net-import-", ".csv");
            Files.writeString(f, SampleRegister.header() + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
            long id = imports.start(user, unit, name, f, TODAY.minusDays(1), "Tổ điều tra thôn");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (imports.job(user, id).running()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("import " + name + " did not finish");
                }
                Thread.sleep(50);
            }
            String status = imports.job(user, id).status();
            if (status.equals("DONE") == name.contains("sai-ma")) {
                throw new IllegalStateException("import " + name + " ended " + status + ": " + imports.job(user, id));
            }
            return id;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- publishing and the public portal: a published story with a photo, a draft, a photo of a past activity ----

    private void publishing(Officer commune, Officer province, long caoBang) {
        Publishing pub = bean(Publishing.class);
        EvidenceStore evidence = bean(EvidenceStore.class);
        String title = "Gương học tập suốt đời" + MARK;
        Long published = jdbc.sql("select id from pub_item where title = :t and status = 'PUBLISHED' order by id limit 1").param("t", title)
                .query(Long.class).optional().orElse(null);
        if (published == null) {
            published = pub.create(province, caoBang, new Publishing.Draft("STORY", title, "Bà Nông Thị Mai học chữ ở tuổi 60", "Nội dung",
                    "Xã Cần Yên", 2026), List.of(new EvidenceStore.Upload("anh.png", png()))).id();
            pub.submit(province, published);
            pub.approve(Officer.at(Role.PROVINCE_OFFICER, caoBang), published, null);
        }
        ids.put("news.published", published);
        ids.put("news.photo", jdbc.sql("select min(id) from evidence_file where owner_type = 'PublishedItem' and owner_id = :o")
                .param("o", published).query(Long.class).single());
        String draft = "Tin tức tuần học tập" + MARK;
        Long d = jdbc.sql("select id from pub_item where title = :t and status = 'DRAFT' order by id limit 1").param("t", draft)
                .query(Long.class).optional().orElse(null);
        ids.put("news.draft", d != null ? d : pub.create(province, caoBang, new Publishing.Draft("NEWS", draft, null, null, null, null), List.of()).id());
        long activity = ids.get("activity.past");
        if (evidence.list(vn.xhht.centre.ActivityService.EVIDENCE_OWNER, activity).stream().noneMatch(vn.xhht.evidence.EvidenceFile::isImage)) {
            evidence.storeAll(commune, vn.xhht.centre.ActivityService.EVIDENCE_OWNER, activity, commune.unitId(),
                    List.of(new EvidenceStore.Upload("hoat-dong.png", png())), java.util.EnumSet.of(vn.xhht.evidence.FileKind.PNG), "photos");
        }
        ids.put("activity.photo", evidence.list(vn.xhht.centre.ActivityService.EVIDENCE_OWNER, activity).stream()
                .filter(vn.xhht.evidence.EvidenceFile::isImage).findFirst().orElseThrow().id());
    }

    /** A real 640 × 480 PNG, so that thumbnails are made as for a phone's photo. */
    public static byte[] png() {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(640, 480, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(new java.awt.Color(30, 120, 60));
        g.fillRect(0, 0, 640, 480);
        g.setColor(java.awt.Color.YELLOW);
        g.fillOval(200, 120, 240, 240);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(img, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ---- learning needs ----

    private void needs(long centre) {
        LearningNeeds needs = bean(LearningNeeds.class);
        if (jdbc.sql("select count(*) from learning_need where detail like :d").param("d", "%" + MARK).query(Long.class).single() == 0) {
            needs.submitPublic("net-fixture", new LearningNeeds.Need(centre, "LIVESTOCK_CROPS", "Kỹ thuật trồng chè" + MARK, "AGE_36_60", "FEMALE",
                    null, null, null));
        }
    }

    static <T> T orElse(Optional<T> o, Supplier<T> s) {
        return o.orElseGet(s);
    }
}
