package vn.xhht.evaluation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.calendar.WorkingDays;
import vn.xhht.evidence.EvidenceStore;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.platform.HomeTaskSource;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Seed 004's five steps on real PostgreSQL, with a TT 44/2014 version whose thresholds an administrator has
 * entered (the shipped one has none, so no dossier could reach a level): self-check plan, the three dossier
 * documents, the check plan and a team covering every criterion, the clocks across Tết, the provisional mark in
 * every output, and one audit row per action.
 */
@XhhtIntegrationTest
class EvaluationProcedureTest {

    static final String CODE = "tt44-2014-commune-d14";
    static final byte[] PDF = "%PDF-1.4\n% giay to\n".getBytes();

    @Autowired
    EvaluationService evaluations;

    @Autowired

    EvaluationDeadlines deadlines;

    @Autowired

    EvaluationSteps steps;

    @Autowired

    SelfAssessment assessment;
    @Autowired
    EvaluationProcedure procedure;
    @Autowired
    FrameworkCatalog catalog;
    @Autowired
    ResultStatistics statistics;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    List<HomeTaskSource> taskSources;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    static List<String> fields(Throwable e) {
        return ((InvalidInputProblem) e).violations().stream().map(InvalidInputProblem.Violation::field).toList();
    }

    static String key(Throwable e) {
        return ((InvalidInputProblem) e).violations().get(0).messageKey();
    }

    /** The shipped TT 44 text under a code of its own, with thresholds entered (still marked incomplete). */
    long framework() {
        String yaml = RuleEngineTest.text("tt44-2014-commune").replace("code: tt44-2014-commune", "code: " + CODE)
                .replace("{code: TRUNG_BINH, title: \"Trung bình\", known: false}", "{code: TRUNG_BINH, title: \"Trung bình\", minTotal: 50}")
                .replace("{code: KHA, title: \"Khá\", known: false}", "{code: KHA, title: \"Khá\", minTotal: 70}")
                .replace("{code: TOT, title: \"Tốt\", known: false}", "{code: TOT, title: \"Tốt\", minTotal: 85}");
        Framework f = FrameworkParser.parse(CODE + ".yaml", yaml);
        assertThat(f.complete()).isFalse();
        jdbc.sql("""
                insert into eval_framework_version (code, version, title, subject_type, scoring, effective_from, effective_to, complete, source, source_name, yaml)
                values (:c, 1, :t, 'COMMUNE', 'POINTS', :from, :to, false, 'FILE', 'test', :y) on conflict (code, version) do nothing
                """).param("c", CODE).param("t", f.title()).param("from", f.effectiveFrom()).param("to", f.effectiveTo()).param("y", yaml).update();
        return catalog.latest(CODE).id();
    }

    @Test
    void fiveStepsWithClocksTheProvisionalMarkEverywhereAndOneAuditRowPerAction() throws IOException {
        framework();
        var commune = TestUsers.load(jdbc, "xa.canyen");
        var province = TestUsers.load(jdbc, "so.caobang");
        var evaluator = TestUsers.load(jdbc, "hkh.caobang");
        long canYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        long caoBang = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        Evaluation e = evaluations.create(commune, CODE, canYen, null, 2023, null);
        assertThat(e.provisional()).isTrue();
        Framework f = catalog.byVersionId(e.frameworkVersionId());

        Map<String, EvaluationService.ScoreInput> in = new LinkedHashMap<>();
        f.items().forEach(i -> in.put(i.code(), i.type() == Framework.ItemType.POINTS
                ? new EvaluationService.ScoreInput(new BigDecimal("1000"), null, null, null)
                : new EvaluationService.ScoreInput(null, true, null, null)));
        // 1,000 points for a 100-point item: refused, the field named
        assertThatThrownBy(() -> assessment.saveScores(commune, e.id(), in, null))
                .satisfies(x -> assertThat(fields(x)).containsExactly("item_TONG"))
                .satisfies(x -> assertThat(key(x)).isEqualTo("evaluation.points.tooHigh"));
        in.put("TONG", new EvaluationService.ScoreInput(new BigDecimal("90"), null, null, null));
        assessment.saveScores(commune, e.id(), in, null);
        f.items().forEach(i -> assessment.attachEvidence(commune, e.id(), i.code(), List.of(new EvidenceStore.Upload("mc-" + i.code() + ".pdf", PDF))));
        assertThat(evaluations.view(commune, e.id()).result().levelCode()).isEqualTo("TOT");

        // step 1: no submission without the self-check plan approved by the chairman
        assertThatThrownBy(() -> steps.submit(commune, e.id())).satisfies(x -> assertThat(key(x)).isEqualTo("evaluation.submit.noSelfPlan"));
        assertThatThrownBy(() -> procedure.saveSelfPlan(commune, e.id(), "12/KH-UBND", LocalDate.now(vn.xhht.shared.VietnamClock.ZONE).plusDays(5), "Nông Văn Dũng"))
                .satisfies(x -> assertThat(fields(x)).containsExactly("selfPlanDate"));
        assertThatThrownBy(() -> procedure.saveSelfPlan(commune, e.id(), "12/KH-UBND", LocalDate.of(2023, 10, 2), " "))
                .satisfies(x -> assertThat(fields(x)).containsExactly("selfPlanApprover"));
        assertThatThrownBy(() -> procedure.saveSelfPlan(province, e.id(), "12/KH-UBND", LocalDate.of(2023, 10, 2), "Nông Văn Dũng"))
                .isInstanceOf(vn.xhht.shared.AccessDeniedProblem.class);
        procedure.saveSelfPlan(commune, e.id(), "12/KH-UBND", LocalDate.of(2023, 10, 2), "Nông Văn Dũng");
        // step 2: the three documents, each with its file
        assertThatThrownBy(() -> steps.submit(commune, e.id()))
                .satisfies(x -> assertThat(fields(x)).containsExactly("dossier_1", "dossier_2", "dossier_3"));
        procedure.attachDossierFile(commune, e.id(), 1, List.of(new EvidenceStore.Upload("to-trinh.pdf", PDF)));
        procedure.attachDossierFile(commune, e.id(), 2, List.of(new EvidenceStore.Upload("bao-cao.pdf", PDF)));
        assertThatThrownBy(() -> steps.submit(commune, e.id())).satisfies(x -> assertThat(fields(x)).containsExactly("dossier_3"));
        assertThatThrownBy(() -> procedure.attachDossierFile(commune, e.id(), 4, List.of(new EvidenceStore.Upload("x.pdf", PDF))))
                .satisfies(x -> assertThat(fields(x)).containsExactly("dossier_4"));
        procedure.attachDossierFile(commune, e.id(), 3, List.of(new EvidenceStore.Upload("bien-ban.pdf", PDF)));
        assertThat(procedure.steps(commune, e.id()).dossierComplete()).isTrue();
        steps.submit(commune, e.id());
        steps.accept(province, e.id(), "Hồ sơ đầy đủ, hợp lệ");

        // step 3: the clock runs from the acceptance, shown on the dossier and on the home of the province that owes it
        LocalDate accepted = LocalDate.now(vn.xhht.shared.VietnamClock.ZONE);
        final Evaluation.Deadline d = evaluations.view(commune, e.id()).deadline();
        assertThat(d.step()).isEqualTo(Framework.Step.CHECK_PLAN);
        assertThat(d.date()).isEqualTo(workingDays.add(accepted, 10));
        assertThat(d.owedByUnitId()).isEqualTo(caoBang);
        assertThat(taskSources.stream().flatMap(s -> s.tasksFor(province, accepted).stream()))
                .anySatisfy(t -> {
                    assertThat(t.href()).isEqualTo("/evaluations/" + e.id());
                    assertThat(t.dueDate()).isEqualTo(d.date());
                });
        assertThat(taskSources.stream().flatMap(s -> s.tasksFor(commune, accepted).stream()))
                .noneSatisfy(t -> assertThat(t.href()).isEqualTo("/evaluations/" + e.id()));
        Http communePage = Http.session(port, new java.net.CookieManager());
        communePage.login("xa.canyen", "xhht-demo");
        assertThat(communePage.get("/evaluations/" + e.id()).body()).contains("Duyệt kế hoạch kiểm tra", "id=\"deadline-owed-by\"",
                "Sở Giáo dục", "12/KH-UBND", "bien-ban.pdf");

        // no check before the plan; step 4: the team covers every criterion, members and organisations named
        assertThatThrownBy(() -> steps.check(evaluator, e.id(), "Đoàn", accepted, Map.of(), null))
                .satisfies(x -> assertThat(key(x)).isEqualTo("evaluation.check.noPlan"));
        var lead = new EvaluationProcedure.Member("Hoàng Thị Lan", "Sở Giáo dục và Đào tạo", "Phó Giám đốc", List.of("TT44"));
        assertThatThrownBy(() -> procedure.approveCheckPlan(province, e.id(), "45/KH-SGDĐT", accepted, "Lê Văn Minh", List.of(lead)))
                .satisfies(x -> assertThat(key(x)).isEqualTo("evaluation.member.uncovered"))
                .satisfies(x -> assertThat(((InvalidInputProblem) x).violations().get(0).args()).containsExactly("DIEM"));
        assertThatThrownBy(() -> procedure.approveCheckPlan(province, e.id(), "45/KH-SGDĐT", accepted, "Lê Văn Minh",
                List.of(lead, new EvaluationProcedure.Member("Nông Thị Hà", " ", null, List.of("DIEM", "TC9")))))
                .satisfies(x -> assertThat(fields(x)).containsExactly("member_1_organisation", "member_1_criteria"));
        assertThatThrownBy(() -> procedure.approveCheckPlan(commune, e.id(), "45/KH-SGDĐT", accepted, "Lê Văn Minh", List.of(lead)))
                .isInstanceOf(vn.xhht.shared.AccessDeniedProblem.class);
        procedure.approveCheckPlan(province, e.id(), "45/KH-SGDĐT", accepted, "Lê Văn Minh",
                List.of(lead, new EvaluationProcedure.Member("Nông Thị Hà", "Hội Khuyến học tỉnh Cao Bằng", null, List.of("DIEM"))));
        assertThat(evaluations.view(province, e.id()).evaluation().stage()).isEqualTo(Evaluation.Stage.PLANNED);
        Evaluation checked = steps.check(evaluator, e.id(), " ", accepted, Map.of(), "Đạt yêu cầu");
        assertThat(checked.checkTeam()).contains("Hoàng Thị Lan (Phó Giám đốc, Sở Giáo dục và Đào tạo) — TT44", "Hội Khuyến học tỉnh Cao Bằng");
        // step 5: 5 working days from the check result
        Evaluation.Deadline decide = evaluations.view(commune, e.id()).deadline();
        assertThat(decide.step()).isEqualTo(Framework.Step.DECIDE);
        assertThat(decide.date()).isEqualTo(workingDays.add(accepted, 5));
        steps.decide(province, e.id(), "77/QĐ-SGDĐT", accepted, "Lê Văn Minh");
        steps.publish(province, e.id());

        // provisional everywhere: public list, statistics, API, decision document, list page
        assertThat(statistics.published(2023, caoBang)).filteredOn(l -> l.decisionNumber().equals("77/QĐ-SGDĐT"))
                .singleElement().satisfies(l -> {
                    assertThat(l.provisional()).isTrue();
                    assertThat(l.validity().reading()).isEqualTo(Framework.ValidityReading.MONTHS_FROM_DECISION);
                });
        assertThat(Http.anonymous(port).get("/public/evaluations?year=2023").body()).contains("77/QĐ-SGDĐT", "eval-provisional", "Tạm thời",
                "12 tháng kể từ ngày quyết định");
        assertThat(statistics.distribution(province, caoBang, CODE, 2023)).last()
                .satisfies(r -> assertThat(r.provisional()).isEqualTo(r.total()).isPositive());
        Http office = Http.basic(port, "so.caobang", "xhht-demo");
        assertThat(office.get("/api/v1/evaluations/" + e.id()).body()).contains("\"provisional\":true");
        Http officePage = Http.session(port, new java.net.CookieManager());
        officePage.login("so.caobang", "xhht-demo");
        assertThat(officePage.get("/evaluations/stats?framework=" + CODE + "&year=2023").body()).contains("id=\"stats-provisional\"");
        var docx = officePage.getBytes("/evaluations/" + e.id() + "/documents/decision.docx");
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docxText(docx.body())).contains("Tốt (tạm thời)", "kết quả tạm thời", "12 tháng kể từ ngày ký");
        assertThat(officePage.getBytes("/evaluations/" + e.id() + "/documents/decision.pdf").statusCode()).isEqualTo(200);
        assertThat(communePage.get("/evaluations?unitId=" + canYen).body()).contains("eval-provisional");

        // one audit row per action, the review carrying every step
        List<String> actions = jdbc.sql("select action from review_event where subject_type = 'Evaluation' and subject_id = :e order by id")
                .param("e", e.id()).query(String.class).list();
        assertThat(actions).containsSubsequence("CREATE", "SCORE", "SELF_PLAN", "DOSSIER", "SUBMIT", "APPROVE", "CHECK_PLAN", "CHECK", "DECIDE", "PUBLISH");
        long audited = actions.stream().filter(a -> !a.equals("EVIDENCE") && !a.equals("DOSSIER")).count();
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'Evaluation' and entity_id = :e").param("e", String.valueOf(e.id()))
                .query(Long.class).single()).isEqualTo(audited);
        assertThat(jdbc.sql("select count(*) from evaluation_event where evaluation_id = :e").param("e", e.id()).query(Integer.class).single()).isZero();
    }

    /** The step clocks across Tết 2025, 2026 and 2027, counted by hand from the notices and the statutory rule. */
    @Test
    void stepClocksAcrossTet() {
        framework();
        Framework f = catalog.latest(CODE).framework();
        // Tết 2025: off 25/01–02/02; Tết 2026: off 14/02–22/02; Tết 2027 (mùng 1 = Saturday 06/02): off 04, 05, 08 and,
        // for the Saturday and Sunday, 09 and 10/02
        Map<LocalDate, LocalDate[]> expected = new LinkedHashMap<>();
        expected.put(LocalDate.of(2025, 1, 24), new LocalDate[]{LocalDate.of(2025, 2, 14), LocalDate.of(2025, 2, 7)});
        expected.put(LocalDate.of(2025, 1, 23), new LocalDate[]{LocalDate.of(2025, 2, 13), LocalDate.of(2025, 2, 6)});
        expected.put(LocalDate.of(2026, 2, 13), new LocalDate[]{LocalDate.of(2026, 3, 6), LocalDate.of(2026, 2, 27)});
        expected.put(LocalDate.of(2026, 2, 11), new LocalDate[]{LocalDate.of(2026, 3, 4), LocalDate.of(2026, 2, 25)});
        expected.put(LocalDate.of(2027, 2, 3), new LocalDate[]{LocalDate.of(2027, 2, 24), LocalDate.of(2027, 2, 17)});
        expected.forEach((day, due) -> {
            OffsetDateTime at = day.atTime(16, 30).atOffset(java.time.ZoneOffset.ofHours(7));
            Evaluation accepted = evaluation(Evaluation.Stage.ACCEPTED, at, null);
            assertThat(deadlines.ruleDate(accepted, f, accepted.nextStep(f))).as("check plan after acceptance on %s", day).isEqualTo(due[0]);
            Evaluation checked = evaluation(Evaluation.Stage.CHECKED, null, at);
            assertThat(deadlines.ruleDate(checked, f, checked.nextStep(f))).as("decision after check on %s", day).isEqualTo(due[1]);
        });
        // the same instant late in the evening in Vietnam is still that Vietnamese day (a UTC server sees the previous one)
        OffsetDateTime lateUtc = OffsetDateTime.parse("2026-02-12T17:30:00Z");
        assertThat(deadlines.ruleDate(evaluation(Evaluation.Stage.CHECKED, null, lateUtc), f, Framework.Step.DECIDE))
                .isEqualTo(LocalDate.of(2026, 2, 27));
    }

    static Evaluation evaluation(Evaluation.Stage stage, OffsetDateTime acceptedAt, OffsetDateTime checkedAt) {
        return new Evaluation(-1, 0, null, 1L, null, "x", 1, "", 1, "", 1, 2024, stage, null, null, false, null, null, null, null, null,
                null, null, null, null, null, null, null, null, acceptedAt, checkedAt, null, null, 0, true);
    }

    static String docxText(byte[] docx) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry en; (en = zip.getNextEntry()) != null; ) {
                if (en.getName().equals("word/document.xml")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8).replaceAll("<[^>]+>", "");
                }
            }
        }
        return "";
    }
}
