package vn.xhht.evaluation;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.calendar.WorkingDays;
import vn.xhht.evidence.EvidenceStore;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.platform.HomeAlert;
import vn.xhht.platform.HomeAlertSource;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.ReportFigureSource;
import vn.xhht.shared.Role;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The evaluation procedure on real PostgreSQL: evidence, bad input, access, workflow, versions, deadlines. */
@XhhtIntegrationTest
class EvaluationWorkflowTest {

    @Autowired
    EvaluationService evaluations;

    @Autowired

    EvaluationDeadlines deadlines;

    @Autowired

    EvaluationSteps steps;

    @Autowired

    SelfAssessment assessment;
    @Autowired
    FrameworkCatalog catalog;
    @Autowired
    Subjects subjects;
    @Autowired
    CampaignService campaigns;
    @Autowired
    ResultStatistics statistics;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    List<HomeAlertSource> alertSources;
    @Autowired
    List<ReportFigureSource> figureSources;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    static final byte[] PDF = "%PDF-1.4\n% minh chung\n".getBytes();

    static String key(Throwable e) {
        return ((InvalidInputProblem) e).violations().get(0).messageKey();
    }

    static Map<String, EvaluationService.ScoreInput> met(Framework f, boolean value) {
        Map<String, EvaluationService.ScoreInput> in = new LinkedHashMap<>();
        f.items().forEach(i -> in.put(i.code(), new EvaluationService.ScoreInput(null, value, null, "Có kế hoạch số " + i.code())));
        return in;
    }

    @Test
    void communeSelfAssessesAndTheProvinceChecksDecidesAndPublishes() {
        var commune = TestUsers.load(jdbc, "xa.canyen");
        var province = TestUsers.load(jdbc, "so.caobang");
        var evaluator = TestUsers.load(jdbc, "hkh.caobang");
        long canYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        long caoBang = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        var otherProvince = new TestUsers.User(-1, "hkh.hanoi", "Hội Khuyến học Hà Nội", Role.ASSOCIATION_EVALUATOR,
                TestUsers.unitId(jdbc, "01", OrgUnit.PROVINCE, "2025-07-01"));

        Evaluation e = evaluations.create(commune, "tt25-2023-commune", canYen, null, 2024, null);
        assertThat(e.reviewerUnitId()).as("after 1/7/2025 the province receives").isEqualTo(caoBang);
        assertThat(e.stage()).isEqualTo(Evaluation.Stage.DRAFT);
        assertThatThrownBy(() -> evaluations.create(commune, "tt25-2023-commune", canYen, null, 2024, null))
                .satisfies(x -> assertThat(key(x)).isEqualTo("evaluation.exists"));
        assertThatThrownBy(() -> evaluations.create(commune, "tt44-2014-commune", canYen, null, 2025, null))
                .satisfies(x -> assertThat(key(x)).isEqualTo("evaluation.framework.notInForce"));
        // a commune closed by the 2025 reform: its 2023 dossier goes to its old district, which decides it
        var district = TestUsers.load(jdbc, "pgd.haquang");
        long luongThong = TestUsers.unitId(jdbc, "01372", OrgUnit.COMMUNE, "2025-06-30");
        Evaluation historical = evaluations.create(district, "tt44-2014-commune", luongThong, null, 2023, null);
        assertThat(historical.reviewerUnitId()).isEqualTo(TestUsers.unitId(jdbc, "045", OrgUnit.DISTRICT, "2025-06-30"));
        Framework f = catalog.byVersionId(e.frameworkVersionId());

        // credit without evidence counts for nothing and blocks submission
        EvaluationService.View v = assessment.saveScores(commune, e.id(), met(f, true), e.version());
        assertThat(v.result().levelCode()).isEqualTo("CHUA_DAT");
        assertThat(v.result().items().values()).allMatch(RuleEngine.ItemResult::missingEvidence);
        assertThatThrownBy(() -> steps.submit(commune, e.id())).satisfies(x -> assertThat(key(x)).isEqualTo("evaluation.submit.missingEvidence"));
        // a stale form is refused
        assertThatThrownBy(() -> assessment.saveScores(commune, e.id(), met(f, true), e.version())).isInstanceOf(ConcurrentEditProblem.class);

        f.items().forEach(i -> assessment.attachEvidence(commune, e.id(), i.code(), List.of(new EvidenceStore.Upload("minh-chung-" + i.code() + ".pdf", PDF))));
        assertThatThrownBy(() -> assessment.attachEvidence(commune, e.id(), "TC1.CT1", List.of(new EvidenceStore.Upload("virus.exe", "MZ\u0090".getBytes()))))
                .isInstanceOf(InvalidInputProblem.class);
        v = evaluations.view(commune, e.id());
        assertThat(v.result().levelCode()).isEqualTo("MD1");
        assertThat(v.result().missingForNextLevel()).extracting(RuleEngine.Gap::messageKey).containsExactly("evaluation.gap.unknown");
        assertThat(jdbc.sql("select count(*) from evidence_file where owner_type = 'EvaluationScore' and sha256 is not null and owner_id in (select id from evaluation_score where evaluation_id = :e)")
                .param("e", e.id()).query(Integer.class).single()).isEqualTo(6);

        // an evaluator of another province sees nothing
        assertThatThrownBy(() -> evaluations.view(otherProvince, e.id())).isInstanceOf(AccessDeniedProblem.class);

        assertThat(steps.submit(commune, e.id()).stage()).isEqualTo(Evaluation.Stage.SUBMITTED);
        assertThatThrownBy(() -> assessment.saveScores(commune, e.id(), met(f, false), null)).satisfies(x -> assertThat(key(x)).isEqualTo("evaluation.locked"));
        // the deadline (before 31/03 of the next year) has passed: the province's dashboard shows it
        Evaluation.Deadline d = evaluations.view(province, e.id()).deadline();
        assertThat(d.date()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(d.owedByUnitId()).isEqualTo(caoBang);
        assertThat(alertSources.stream().flatMap(s -> s.alertsFor(province, LocalDate.now(vn.xhht.shared.VietnamClock.ZONE)).stream()))
                .anySatisfy(a -> {
                    assertThat(a.severity()).isEqualTo(HomeAlert.Severity.OVERDUE);
                    assertThat(a.href()).isEqualTo("/evaluations/" + e.id());
                });

        assertThatThrownBy(() -> steps.decide(province, e.id(), "12/QĐ-SGDĐT", LocalDate.now(vn.xhht.shared.VietnamClock.ZONE), "Nguyễn Văn A"))
                .satisfies(x -> assertThat(key(x)).isEqualTo("evaluation.decide.notChecked"));
        assertThatThrownBy(() -> steps.accept(commune, e.id(), null)).isInstanceOf(AccessDeniedProblem.class);
        assertThatThrownBy(() -> steps.returnWithReasons(province, e.id(), " ")).satisfies(x -> assertThat(key(x)).isEqualTo("review.comment.required"));
        assertThat(steps.accept(province, e.id(), "Hồ sơ đầy đủ").stage()).isEqualTo(Evaluation.Stage.ACCEPTED);

        // the commune never checks its own dossier, nor does another province
        assertThatThrownBy(() -> steps.check(commune, e.id(), "Tổ tự kiểm tra", LocalDate.now(vn.xhht.shared.VietnamClock.ZONE), Map.of(), null)).isInstanceOf(AccessDeniedProblem.class);
        assertThatThrownBy(() -> steps.check(otherProvince, e.id(), "Đoàn", LocalDate.now(vn.xhht.shared.VietnamClock.ZONE), Map.of(), null)).isInstanceOf(AccessDeniedProblem.class);
        assertThatThrownBy(() -> steps.check(evaluator, e.id(), " ", LocalDate.now(vn.xhht.shared.VietnamClock.ZONE), Map.of(), null)).satisfies(x -> assertThat(key(x)).isEqualTo("evaluation.check.team.required"));

        Evaluation checked = steps.check(evaluator, e.id(), "Bà Lê Thị Hoa (Hội Khuyến học tỉnh), ông Nông Văn Bình (Sở GD&ĐT)", LocalDate.now(vn.xhht.shared.VietnamClock.ZONE),
                Map.of("TC2.CT3", new EvaluationService.ScoreInput(null, false, null, "Chưa có quy chế phối hợp")), null);
        assertThat(checked.checkedLevel()).isEqualTo("CHUA_DAT");
        checked = steps.check(evaluator, e.id(), "Bà Lê Thị Hoa, ông Nông Văn Bình", LocalDate.now(vn.xhht.shared.VietnamClock.ZONE), Map.of(), "Đạt mức độ 1");
        assertThat(checked.checkedLevel()).isEqualTo("MD1");
        assertThat(evaluations.view(province, e.id()).checkedResult().levelCode()).isEqualTo("MD1");

        assertThatThrownBy(() -> steps.decide(evaluator, e.id(), "12/QĐ-SGDĐT", LocalDate.now(vn.xhht.shared.VietnamClock.ZONE), "Nguyễn Văn A")).isInstanceOf(AccessDeniedProblem.class);
        assertThatThrownBy(() -> steps.decide(province, e.id(), " ", LocalDate.now(vn.xhht.shared.VietnamClock.ZONE), "Nguyễn Văn A"))
                .satisfies(x -> assertThat(key(x)).isEqualTo("evaluation.decision.number.required"));
        Evaluation decided = steps.decide(province, e.id(), "12/QĐ-SGDĐT", LocalDate.now(vn.xhht.shared.VietnamClock.ZONE), "Nguyễn Văn A");
        assertThat(decided.stage()).isEqualTo(Evaluation.Stage.DECIDED);
        assertThat(decided.recognised()).isTrue();
        assertThat(decided.validUntil()).isEqualTo(LocalDate.now(vn.xhht.shared.VietnamClock.ZONE).plusMonths(36).minusDays(1));
        assertThat(steps.publish(province, e.id()).stage()).isEqualTo(Evaluation.Stage.PUBLISHED);
        assertThat(statistics.published(2024, caoBang)).anySatisfy(l -> {
            assertThat(l.subject()).isEqualTo(e.subjectName());
            assertThat(l.validUntil()).isEqualTo(decided.validUntil());
        });
        // the review workflow carries every step: one event each, and no second copy in the evaluation's own table
        assertThat(jdbc.sql("select string_agg(action, ',' order by id) from review_event where subject_type = 'Evaluation' and subject_id = :e")
                .param("e", e.id()).query(String.class).single())
                .isEqualTo("CREATE,SCORE,EVIDENCE,EVIDENCE,EVIDENCE,EVIDENCE,EVIDENCE,EVIDENCE,SUBMIT,APPROVE,CHECK,CHECK,DECIDE,PUBLISH");
        assertThat(jdbc.sql("select count(*) from evaluation_event where evaluation_id = :e").param("e", e.id()).query(Integer.class).single()).isZero();
        // one audit row per user action: create, score, submit, accept, check twice, decide, publish (evidence files
        // are audited by the evidence store under their own type)
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'Evaluation' and entity_id = :e").param("e", String.valueOf(e.id()))
                .query(Integer.class).single()).isEqualTo(8);
        assertThat(evaluations.view(province, e.id()).history()).extracting(Evaluation.Event::action)
                .containsExactly("CREATE", "SCORE", "EVIDENCE", "EVIDENCE", "EVIDENCE", "EVIDENCE", "EVIDENCE", "EVIDENCE", "SUBMIT", "ACCEPT",
                        "CHECK", "CHECK", "DECIDE", "PUBLISH");

        // report figures count the recognition over the province
        Map<String, BigDecimal> figures = figureSources.stream().filter(s -> s.figures().stream().anyMatch(x -> x.code().startsWith("evaluation.")))
                .findFirst().orElseThrow().values(caoBang, LocalDate.now(vn.xhht.shared.VietnamClock.ZONE).withDayOfYear(1), LocalDate.now(vn.xhht.shared.VietnamClock.ZONE));
        assertThat(figures.get("evaluation.recognised.commune")).isGreaterThanOrEqualTo(BigDecimal.ONE);

        // an upgrade to level 2 is refused within 12 months of the level-1 decision (checked with a completed level 2)
        Framework completed = FrameworkParser.parse("t.yaml", catalog.yaml(e.frameworkVersionId()).replace("known: false, ", ""));
        Map<String, RuleEngine.Entry> all = new LinkedHashMap<>();
        completed.items().forEach(i -> all.put(i.code(), RuleEngine.Entry.met(true, true)));
        RuleEngine.Result md2 = RuleEngine.evaluate(completed, all);
        assertThat(md2.levelCode()).isEqualTo("MD2");
        Evaluation next = new Evaluation(-1, e.frameworkVersionId(), null, canYen, null, e.subjectName(), canYen, "", caoBang, "", caoBang, 2025,
                Evaluation.Stage.DRAFT, null, null, false, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, 0, true);
        assertThatThrownBy(() -> steps.checkUpgradeInterval(next, completed, md2, LocalDate.now(vn.xhht.shared.VietnamClock.ZONE)))
                .satisfies(x -> assertThat(key(x)).isEqualTo("evaluation.upgrade.tooEarly"));
        steps.checkUpgradeInterval(next, completed, md2, LocalDate.now(vn.xhht.shared.VietnamClock.ZONE).plusMonths(12));
        assertThatThrownBy(() -> steps.checkUpgradeInterval(next, completed, RuleEngine.evaluate(f, all), LocalDate.now(vn.xhht.shared.VietnamClock.ZONE).plusMonths(13)))
                .satisfies(x -> assertThat(key(x)).isEqualTo("evaluation.alreadyRecognised"));
    }

    @Test
    void pointsAboveTheMaximumOrNegativeSaveNothing() {
        var commune = TestUsers.load(jdbc, "xa.canyen");
        long canYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        Subjects.Subject unit = subjects.register(commune, "UNIT", "Trường Tiểu học Cần Yên " + System.nanoTime(), "Hoàng Văn Lâm", 24, canYen);
        Evaluation e = evaluations.create(commune, "tt22-2020-unit", null, unit.id(), 2023, null);
        assertThatThrownBy(() -> assessment.saveScores(commune, e.id(), Map.of(
                "TC1.1", new EvaluationService.ScoreInput(new BigDecimal("8"), null, null, null),
                "TC1.2", new EvaluationService.ScoreInput(new BigDecimal("11"), null, null, null),
                "TC1.3", new EvaluationService.ScoreInput(new BigDecimal("-1"), null, null, null)), null))
                .isInstanceOfSatisfying(InvalidInputProblem.class, x -> {
                    assertThat(x.violations()).extracting(InvalidInputProblem.Violation::field).containsExactly("item_TC1.2", "item_TC1.3");
                    assertThat(x.violations()).extracting(InvalidInputProblem.Violation::messageKey)
                            .containsExactly("evaluation.points.tooHigh", "evaluation.points.negative");
                });
        assertThat(evaluations.view(commune, e.id()).score("TC1.1").points()).as("nothing saved half-way").isNull();
        EvaluationService.View v = assessment.saveScores(commune, e.id(), Map.of("TC1.1", new EvaluationService.ScoreInput(new BigDecimal("8.5"), null, null, null)), null);
        assertThat(v.result().total()).as("no evidence: no points").isEqualByComparingTo("0");
        // a family must be registered under its hamlet
        assertThatThrownBy(() -> subjects.register(commune, "FAMILY", "Gia đình ông Nông Văn Tú", "Nông Văn Tú", 5, canYen))
                .satisfies(x -> assertThat(key(x)).isEqualTo("evaluation.subject.hamletRequired"));
    }

    @Test
    void aFrameworkEditIsANewVersionAndOldEvaluationsKeepTheirs() {
        var admin = TestUsers.load(jdbc, "admin");
        var commune = TestUsers.load(jdbc, "xa.canyen");
        long canYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        long hamlet = jdbc.sql("""
                select id from org_unit where level = 4 and parent_id = :c order by id limit 1
                """).param("c", canYen).query(Long.class).optional().orElseGet(() -> jdbc.sql("""
                insert into org_unit (code, name, type, level, parent_id, province_id, path, valid_from, source)
                select 'EVT-' || :c, 'Thôn Nà Thắm', 'Thôn', 4, id, province_id, path, date '2025-07-01', 'TEST' from org_unit where id = :c returning id
                """).param("c", canYen).query(Long.class).single());
        jdbc.sql("update org_unit set path = (select path from org_unit where id = :c) || id || '/' where id = :h and path not like '%/' || id || '/'")
                .param("c", canYen).param("h", hamlet).update();
        Subjects.Subject clan = subjects.register(commune, "CLAN", "Dòng họ Nông " + System.nanoTime(), "Nông Văn Hải", 120, hamlet);
        Evaluation before = evaluations.create(commune, "clan-qd448", null, clan.id(), 2024, null);
        assertThat(evaluations.view(commune, before.id()).result().missingForNextLevel()).extracting(RuleEngine.Gap::messageKey).containsExactly("evaluation.gap.unknown");

        String yaml = catalog.yaml(before.frameworkVersionId());
        assertThatThrownBy(() -> catalog.saveEdit(commune, "clan-qd448", yaml, null)).isInstanceOf(AccessDeniedProblem.class);
        // the shipped clan framework scores its unknown criteria as one capped block, to be replaced by the real items
        String block = "      - {code: TC1.1, title: \"Toàn bộ tiêu chí (chấm cả khối; chi tiết chưa rõ)\", maxPoints: 100, certainty: unknown}";
        assertThat(yaml).contains(block);
        String duplicate = yaml.replace(block, "      - {code: TC1, title: \"Trùng mã tiêu chí\", maxPoints: 100}");
        assertThatThrownBy(() -> catalog.saveEdit(admin, "clan-qd448", duplicate, null))
                .isInstanceOfSatisfying(InvalidInputProblem.class, x -> {
                    assertThat(x.violations().get(0).messageKey()).isEqualTo("evaluation.framework.invalid");
                    assertThat(x.violations().get(0).args()).contains(RuleEngineTest.lineOf(duplicate, "Trùng mã tiêu chí"));
                });
        int versionsBefore = catalog.versions("clan-qd448").size();
        String completed = yaml.replace(block, "      - {code: TC1.1, title: \"Con cháu trong độ tuổi đi học đều đến trường\", maxPoints: 50}\n"
                        + "      - {code: TC1.2, title: \"Có quỹ khuyến học của dòng họ\", maxPoints: 50}")
                .replace("{code: DAT, title: \"Dòng họ học tập\", known: false}", "{code: DAT, title: \"Dòng họ học tập\", minTotal: 80}");
        FrameworkCatalog.Versioned v2 = catalog.saveEdit(admin, "clan-qd448", completed, "Bổ sung theo văn bản gốc");
        assertThat(v2.framework().version()).isEqualTo(catalog.byVersionId(before.frameworkVersionId()).version() + 1);
        assertThat(catalog.versions("clan-qd448")).hasSize(versionsBefore + 1);

        Subjects.Subject clan2 = subjects.register(commune, "CLAN", "Dòng họ Hoàng " + System.nanoTime(), "Hoàng Văn Sơn", 80, hamlet);
        Evaluation after = evaluations.create(commune, "clan-qd448", null, clan2.id(), 2024, null);
        assertThat(after.frameworkVersionId()).isEqualTo(v2.id());
        assertThat(evaluations.view(commune, before.id()).framework().itemCount()).as("the old evaluation keeps its version").isEqualTo(1);
        assertThat(evaluations.view(commune, before.frameworkVersionId() == v2.id() ? -1 : before.id()).evaluation().frameworkVersionId())
                .isEqualTo(before.frameworkVersionId());
        assessment.attachEvidence(commune, after.id(), "TC1.1", List.of(new EvidenceStore.Upload("a.pdf", PDF)));
        assessment.attachEvidence(commune, after.id(), "TC1.2", List.of(new EvidenceStore.Upload("b.pdf", PDF)));
        EvaluationService.View v = assessment.saveScores(commune, after.id(), Map.of(
                "TC1.1", new EvaluationService.ScoreInput(new BigDecimal("50"), null, null, null),
                "TC1.2", new EvaluationService.ScoreInput(new BigDecimal("29.5"), null, null, null)), null);
        assertThat(v.result().levelCode()).isEqualTo("CHUA_DAT");
        assertThat(v.result().missingForNextLevel()).singleElement().satisfies(g -> assertThat(g.args()).containsExactly("0.5", "80"));
        // the family/clan reviewer is the commune: it approves what its hamlet submitted, and the count rolls up
        assertThat(after.reviewerUnitId()).isEqualTo(canYen);
        v = assessment.saveScores(commune, after.id(), Map.of("TC1.2", new EvaluationService.ScoreInput(new BigDecimal("30"), null, null, null)), null);
        assertThat(v.result().levelCode()).isEqualTo("DAT");
        steps.submit(commune, after.id());
        steps.accept(commune, after.id(), null);
        steps.check(commune, after.id(), "Chi hội Khuyến học thôn Nà Thắm", LocalDate.now(vn.xhht.shared.VietnamClock.ZONE), Map.of(), null);
        assertThat(steps.decide(commune, after.id(), "7/QĐ-UBND", LocalDate.now(vn.xhht.shared.VietnamClock.ZONE), "Hoàng Văn Đức").recognised()).isTrue();
        long caoBang = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        var province = TestUsers.load(jdbc, "so.caobang");
        assertThat(statistics.distribution(province, caoBang, "clan-qd448", 2024))
                .anySatisfy(r -> {
                    assertThat(r.unitId()).isEqualTo(canYen);
                    assertThat(r.count("DAT")).isEqualTo(1);
                });
        Map<String, BigDecimal> figures = figureSources.stream().filter(s -> s.figures().stream().anyMatch(x -> x.code().startsWith("evaluation.")))
                .findFirst().orElseThrow().values(caoBang, LocalDate.now(vn.xhht.shared.VietnamClock.ZONE).minusMonths(1), LocalDate.now(vn.xhht.shared.VietnamClock.ZONE));
        assertThat(figures.get("evaluation.recognised.clan")).isEqualByComparingTo("1");

        // an administrator completes a framework through the forms (no YAML): each save is a validated new version
        int hv = catalog.latest("hamlet-community-qd448").framework().version();
        // one item at a time cannot leave the maxima short of the total: the save is refused, the sums named
        assertThatThrownBy(() -> catalog.editItem(admin, "hamlet-community-qd448", "TC1", "TC1.1", "Tỷ lệ hộ gia đình đạt “Gia đình học tập”", "points",
                new BigDecimal("60"), null, null, true, "Bổ sung"))
                .satisfies(x -> assertThat(String.valueOf(((InvalidInputProblem) x).violations().get(0).args()[1])).contains("(60)", "maxTotal: 100"));
        assertThat(catalog.latest("hamlet-community-qd448").framework().version()).isEqualTo(hv);
        String hamletYaml = catalog.yaml(catalog.latest("hamlet-community-qd448").id()).replace(
                "      - {code: TC1.1, title: \"Toàn bộ tiêu chí (chấm cả khối; chi tiết chưa rõ)\", maxPoints: 100, certainty: unknown}",
                "      - {code: TC1.1, title: \"Tỷ lệ hộ gia đình\", maxPoints: 60}\n      - {code: TC1.2, title: \"Hoạt động của chi hội khuyến học thôn\", maxPoints: 40}");
        catalog.saveEdit(admin, "hamlet-community-qd448", hamletYaml, "Bổ sung");
        catalog.editItem(admin, "hamlet-community-qd448", "TC1", "TC1.1", "Tỷ lệ hộ gia đình đạt “Gia đình học tập”", "points",
                new BigDecimal("60"), null, null, true, null);
        assertThatThrownBy(() -> catalog.editItem(admin, "hamlet-community-qd448", "TC1", "TC1", "Trùng mã", "points", BigDecimal.ONE, null, null, true, null))
                .satisfies(x -> assertThat(((InvalidInputProblem) x).violations().get(0).args()).anySatisfy(a -> assertThat(String.valueOf(a)).contains("mã trùng: TC1")));
        FrameworkCatalog.Versioned hamletV = catalog.editLevel(admin, "hamlet-community-qd448", "DAT", new BigDecimal("70"), true, "Ngưỡng 70 điểm");
        assertThat(hamletV.framework().version()).isEqualTo(hv + 3);
        assertThat(hamletV.framework().level("DAT").orElseThrow().known()).isTrue();
        assertThatThrownBy(() -> catalog.editLevel(admin, "hamlet-community-qd448", "CHUA_DAT", new BigDecimal("75"), true, null))
                .satisfies(x -> assertThat(String.valueOf(((InvalidInputProblem) x).violations().get(0).args()[1])).contains("chồng lấn"));
        Map<String, RuleEngine.Entry> e70 = Map.of("TC1.1", RuleEngine.Entry.points(60, true), "TC1.2", RuleEngine.Entry.points(10, true));
        assertThat(RuleEngine.evaluate(hamletV.framework(), e70).levelCode()).isEqualTo("DAT");
        Http adminPage = Http.session(port, new java.net.CookieManager());
        adminPage.login("admin", "xhht-demo");
        assertThat(adminPage.get("/evaluations/frameworks/hamlet-community-qd448").body()).contains("id=\"edit-item\"", "TC1.2", "phiên bản " + (hv + 3));
    }

    @Test
    void campaignsTakeTheirTimetableFromTheFrameworkAndDeadlinesCountWorkingDays() {
        var province = TestUsers.load(jdbc, "so.caobang");
        long caoBang = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        CampaignService.Campaign c = campaigns.open(province, caoBang, "tt25-2023-commune", 2025, null, null, null, null, null);
        assertThat(c.title()).isEqualTo("Đánh giá, công nhận “Cộng đồng học tập” cấp xã năm 2025");
        assertThat(c.dossierDue()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(c.decisionDue()).isEqualTo(LocalDate.of(2026, 3, 31));
        List<CampaignService.Line> lines = campaigns.computeResults(province, c.id());
        assertThat(lines).hasSizeGreaterThan(10).allSatisfy(l -> assertThat(l.stage()).isEqualTo("DRAFT"));
        assertThatThrownBy(() -> campaigns.updateTimetable(province, c.id(), null, null, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 1), c.version()))
                .satisfies(x -> assertThat(key(x)).isEqualTo("evaluation.campaign.decisionBeforeDossier"));
        assertThat(campaigns.annex(province, c.id(), false)).hasSize(lines.size());

        // "within 10 working days of receipt of a complete, valid dossier" (TT 44/2014: its acceptance) to the check plan
        Framework tt44 = catalog.latest("tt44-2014-commune").framework();
        java.time.OffsetDateTime received = java.time.OffsetDateTime.parse("2023-12-29T09:00:00+07:00");
        Evaluation e = new Evaluation(-1, 0, null, 1L, null, "x", 1, "", 1, "", 1, 2023, Evaluation.Stage.ACCEPTED, null, null, false,
                null, null, null, null, null, null, null, null, null, null, null, null, null, received, null, null, null, 0, true);
        assertThat(e.nextStep(tt44)).isEqualTo(Framework.Step.CHECK_PLAN);
        LocalDate due = deadlines.ruleDate(e, tt44, Framework.Step.CHECK_PLAN);
        assertThat(due).isEqualTo(workingDays.add(LocalDate.of(2023, 12, 29), 10)).isAfter(LocalDate.of(2024, 1, 11));
        assertThat(workingDays.isWorkingDay(due)).isTrue();
    }

    @Test
    void apiRunsTheProcedureAndNamesTheFieldOfBadInput() {
        long canYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        Http commune = Http.basic(port, "xa.canyen", "xhht-demo");
        var frameworks = commune.get("/api/v1/evaluation-frameworks");
        assertThat(frameworks.statusCode()).isEqualTo(200);
        assertThat(frameworks.body()).contains("tt25-2023-commune", "\"versions\"", "25/2023/TT-BGDĐT");
        var version = commune.get("/api/v1/evaluation-frameworks/tt24-2023-unit/versions/1");
        assertThat(version.statusCode()).isEqualTo(200);
        assertThat(version.body()).contains("\"TC3.CT1\"", "\"thresholds\":{", "\"MD2\":95", "\"authorities\"");
        var created = commune.postJson("/api/v1/evaluations", "{\"frameworkCode\":\"centre-rating\",\"subjectId\":" +
                subjects.register(TestUsers.load(jdbc, "xa.canyen"), "CENTRE", "TTHTCĐ xã Cần Yên " + System.nanoTime(), null, null, canYen).id() + ",\"year\":2024}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = created.body().replaceFirst("(?s)^\\{\"id\":(\\d+).*", "$1");
        var bad = commune.send(commune.request("/api/v1/evaluations/" + id + "/scores").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"A.1\":{\"points\":26}}")).build());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("item_A.1", "vượt điểm tối đa 25");
        var ok = commune.send(commune.request("/api/v1/evaluations/" + id + "/scores").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"A.1\":{\"points\":25,\"comment\":\"Đủ bộ máy\"}}")).build());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"total\":0", "\"level\":\"YEU\"", "missingForNextLevel", "chưa có minh chứng");
        var got = commune.get("/api/v1/evaluations/" + id);
        assertThat(got.body()).contains("\"deadline\":{\"step\":\"SUBMIT\",\"date\":\"2024-12-31\"");
        assertThat(commune.postJson("/api/v1/evaluations/" + id + "/decide", "{\"number\":\"1/QĐ\",\"date\":\"2025-01-10\",\"signer\":\"X\"}").statusCode())
                .isEqualTo(403);
        assertThat(Http.basic(port, "hkh.caobang", "xhht-demo").postJson("/api/v1/evaluations/" + id + "/submit", "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void pagesDocumentsAndExportsRender() {
        long canYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        long caoBang = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        var communeUser = TestUsers.load(jdbc, "xa.canyen");
        Evaluation old = evaluations.create(communeUser, "tt44-2014-commune", canYen, null, 2023, null);

        Http commune = Http.session(port, new java.net.CookieManager());
        commune.login("xa.canyen", "xhht-demo");
        var page = commune.get("/evaluations/" + old.id());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("44/2014/TT-BGDĐT", "Chưa đầy đủ — cần đối chiếu văn bản gốc", "Giảm tỷ lệ hộ nghèo");
        String csrf = commune.csrfToken("/evaluations/" + old.id());
        var preview = commune.postForm("/evaluations/" + old.id() + "/preview", Map.of("item_TONG_points", "7", "_csrf", csrf));
        assertThat(preview.body()).contains("id=\"result\"", "0/100 điểm", "chưa có minh chứng");
        var bad = commune.postForm("/evaluations/" + old.id() + "/scores", Map.of("item_TONG_points", "abc", "_csrf", csrf));
        // shown again with what was typed (nothing lost), the message next to the item
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("Chỉ tiêu TONG: giá trị phải là số.", "value=\"abc\"");
        assertThat(evaluations.view(communeUser, old.id()).score("TONG").points()).isNull();
        var tooMany = commune.postForm("/evaluations/" + old.id() + "/scores", Map.of("item_TONG_points", "1000", "_csrf", csrf));
        assertThat(tooMany.body()).contains("Điểm chỉ tiêu TONG vượt điểm tối đa 100.", "value=\"1000\"");
        var saved = commune.postForm("/evaluations/" + old.id() + "/scores", Map.of("item_TONG_points", "6,5", "_csrf", csrf));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(evaluations.view(communeUser, old.id()).score("TONG").points()).isEqualByComparingTo("6.5");
        // a level under an incomplete framework is provisional on the dossier page and in the list
        assertThat(commune.get("/evaluations/" + old.id()).body()).contains("id=\"level-provisional\"", "Tạm thời");
        for (String doc : List.of("request.pdf", "request.docx", "report.pdf", "report.docx")) {
            var r = commune.getBytes("/evaluations/" + old.id() + "/documents/" + doc);
            assertThat(r.statusCode()).as(doc).isEqualTo(200);
            assertThat(r.body().length).as(doc).isGreaterThan(1000);
        }
        assertThat(commune.get("/evaluations").body()).contains("Bắt đầu tự đánh giá", "Gia đình, dòng họ, đơn vị, trung tâm");

        Http office = Http.session(port, new java.net.CookieManager());
        office.login("so.caobang", "xhht-demo");
        assertThat(office.get("/").statusCode()).isEqualTo(200);
        assertThat(office.get("/evaluations/frameworks").body()).contains("25/2023/TT-BGDĐT", "448/QĐ-KHVN", "Chưa đầy đủ — cần đối chiếu văn bản gốc");
        assertThat(office.get("/evaluations/frameworks/tt24-2023-unit").body()).contains("TC3.CT1", "Chủ tịch Ủy ban nhân dân cấp huyện");
        assertThat(office.get("/evaluations/stats?framework=centre-rating&year=2024").body()).contains("Tốt (Chỉ tiêu 30%)", "Tổng cộng");
        var xlsx = office.getBytes("/evaluations/stats.xlsx?framework=centre-rating&year=2024");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        CampaignService.Campaign c = campaigns.open(TestUsers.load(jdbc, "so.caobang"), caoBang, "centre-rating", 2024, null, null, null, null, null);
        assertThat(c.decisionDue()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(campaigns.computeResults(TestUsers.load(jdbc, "so.caobang"), c.id())).as("every centre of the province is rated")
                .anySatisfy(l -> assertThat(l.unitName()).isEqualTo("Xã Cần Yên"));
        assertThat(office.get("/evaluations/campaigns/" + c.id()).body()).contains("Đánh giá, xếp loại trung tâm học tập cộng đồng năm 2024");
        assertThat(office.getBytes("/evaluations/campaigns/" + c.id() + "/decision.pdf").statusCode()).isEqualTo(200);
        String token = office.csrfToken("/evaluations/awards");
        assertThat(office.postForm("/evaluations/awards", Map.of("unitId", String.valueOf(caoBang), "recipientKind", "COLLECTIVE",
                "recipientName", "Hội Khuyến học xã Cần Yên", "awardTitle", "Bằng khen", "decisionNumber", "88/QĐ-UBND",
                "decisionDate", "2025-11-20", "issuer", "UBND tỉnh Cao Bằng", "_csrf", token)).statusCode()).isEqualTo(302);
        assertThat(office.get("/evaluations/awards").body()).contains("Hội Khuyến học xã Cần Yên", "88/QĐ-UBND");
        assertThat(Http.anonymous(port).get("/public/evaluations").statusCode()).isEqualTo(200);
        assertThat(Http.anonymous(port).get("/public/evaluations?lang=en").body()).contains("Public list of recognitions");
    }
}
