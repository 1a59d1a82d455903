package vn.xhht.oversight;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.xhht.calendar.WorkingDays;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.oversight.Establishment.ActKind;
import vn.xhht.oversight.Establishment.Kind;
import vn.xhht.oversight.Establishment.OwnerKind;
import vn.xhht.oversight.Establishment.Teacher;
import vn.xhht.oversight.Inspection.Member;
import vn.xhht.oversight.Inspection.SubjectType;
import vn.xhht.platform.HomeAlertSource;
import vn.xhht.platform.HomeTaskSource;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.ReportFigureSource;
import vn.xhht.shared.VietnamClock;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The oversight rules on the real database: area, director's term, who records which act, act numbers per issuer,
 * suspension due, check items, violations in force, fines within the range (half for a person), working-day
 * remedies on the homes, the public list without login, the report figures; bad input saves nothing.
 */
@XhhtIntegrationTest
class OversightRulesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EstablishmentRegistry registry;
    @Autowired
    Inspections inspections;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    VietnamClock clock;
    @Autowired
    List<ReportFigureSource> figureSources;
    @Autowired
    List<HomeTaskSource> taskSources;
    @Autowired
    List<HomeAlertSource> alertSources;

    final JsonMapper json = JsonMapper.builder().build();
    TestUsers.User province;
    TestUsers.User commune;
    long canYen;
    long otherCommune;
    String tag;

    @BeforeEach
    void setUp() {
        province = TestUsers.load(jdbc, "so.caobang");
        commune = TestUsers.load(jdbc, "xa.canyen");
        canYen = TestUsers.unitId(jdbc, "01366", OrgUnit.COMMUNE, "2025-07-01");
        long caoBang = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        otherCommune = jdbc.sql("select id from org_unit where level = 3 and province_id = :p and valid_to is null and id <> :c order by code limit 1")
                .param("p", caoBang).param("c", canYen).query(Long.class).single();
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    EstablishmentRegistry.Form centre(String name, long unit, OwnerKind owner) {
        return new EstablishmentRegistry.Form(Kind.FOREIGN_LANGUAGE_IT, name, "Số 5 phố Kim Đồng", unit, "Công ty TNHH Ánh Dương", owner,
                "Nguyễn Thị Lan", LocalDate.of(2025, 1, 1), null, "Tiếng Anh giao tiếp", "1.200.000 đồng/tháng", null, null,
                List.of(new Teacher(null, "John Smith", true, "Anh", "CELTA", LocalDate.of(2027, 6, 30))), null);
    }

    long countNamed(String name) {
        return jdbc.sql("select count(*) from ovs_establishment where name = :n").param("n", name).query(Long.class).single();
    }

    @Test
    void theProvinceRegistersACentreTheCommuneReadsItAndTheTermDefaultsFromTheRule() {
        String name = "Trung tâm Ngoại ngữ Ánh Dương " + tag;
        long id = registry.create(province, centre(name, canYen, OwnerKind.ORGANISATION));
        Establishment e = registry.get(commune, id);
        assertThat(e.status()).isEqualTo(Establishment.Status.PENDING);
        // five-year term from the rule row (TT 21/2018), not typed
        assertThat(e.directorTermTo()).isEqualTo(LocalDate.of(2029, 12, 31));
        assertThat(e.teachers()).extracting(Teacher::nationality).containsExactly("Anh");
        assertThat(registry.list(commune, new EstablishmentRegistry.Filter(null, null, "anh duong " + tag), 10))
                .extracting(Establishment::id).containsExactly(id);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'Establishment' and entity_id = :id and action = 'CREATE'")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badEstablishmentsAreRefusedWithTheFieldNamedAndNothingSaved() {
        String name = "Trung tâm Tin học Sai " + tag;
        EstablishmentRegistry.Form noTerm = new EstablishmentRegistry.Form(Kind.FOREIGN_LANGUAGE_IT, name, "Số 1", canYen, null, null,
                "Trần Văn Bình", null, null, null, null, null, null, List.of(), null);
        assertThatThrownBy(() -> registry.create(province, noTerm)).isInstanceOf(InvalidInputProblem.class)
                .satisfies(p -> assertThat(((InvalidInputProblem) p).violations()).extracting(InvalidInputProblem.Violation::field)
                        .contains("directorTermFrom"));
        EstablishmentRegistry.Form tooLong = new EstablishmentRegistry.Form(Kind.FOREIGN_LANGUAGE_IT, name, "Số 1", canYen, null, null,
                "Trần Văn Bình", LocalDate.of(2025, 1, 1), LocalDate.of(2031, 1, 1), null, null, null, null, List.of(), null);
        assertThatThrownBy(() -> registry.create(province, tooLong)).isInstanceOf(InvalidInputProblem.class)
                .satisfies(p -> assertThat(((InvalidInputProblem) p).violations().get(0).field()).isEqualTo("directorTermTo"));
        EstablishmentRegistry.Form foreignNoNationality = new EstablishmentRegistry.Form(Kind.EXTRA_TEACHING, name, "Số 1", canYen, null,
                null, null, null, null, null, null, null, null, List.of(new Teacher(null, "Anna", true, "", null, null)), null);
        assertThatThrownBy(() -> registry.create(province, foreignNoNationality)).isInstanceOf(InvalidInputProblem.class)
                .satisfies(p -> assertThat(((InvalidInputProblem) p).violations().get(0).field()).isEqualTo("teachers[0].nationality"));
        // a commune registers extra-teaching establishments of its own commune only, and no licensed centre
        EstablishmentRegistry.Form elsewhere = new EstablishmentRegistry.Form(Kind.EXTRA_TEACHING, name, "Số 1", otherCommune, null, null,
                null, null, null, null, null, null, null, List.of(), null);
        assertThatThrownBy(() -> registry.create(commune, elsewhere)).isInstanceOf(InvalidInputProblem.class)
                .satisfies(p -> assertThat(((InvalidInputProblem) p).violations().get(0).field()).isEqualTo("unitId"));
        assertThatThrownBy(() -> registry.create(commune, centre(name, canYen, OwnerKind.ORGANISATION))).isInstanceOf(AccessDeniedProblem.class);
        assertThat(countNamed(name)).isZero();
    }

    @Test
    void actsAreRecordedByTheAuthorityOfTheRuleWithNumbersUniquePerIssuer() {
        long a = registry.create(province, centre("Trung tâm Ngoại ngữ Một " + tag, canYen, OwnerKind.ORGANISATION));
        long b = registry.create(province, centre("Trung tâm Ngoại ngữ Hai " + tag, canYen, OwnerKind.ORGANISATION));
        String number = tag + "/QĐ-SGDĐT";
        LocalDate issued = clock.today().minusDays(10);
        registry.addAct(province, a, new EstablishmentRegistry.ActForm(ActKind.OPERATION_PERMISSION, number, issued, "Sở GD&ĐT Cao Bằng", null));
        Establishment e = registry.get(province, a);
        assertThat(e.status()).isEqualTo(Establishment.Status.ACTIVE);
        assertThat(e.acts().get(0).legalBasis()).contains("125/2024");
        assertThat(e.acts().get(0).certainty()).isEqualTo("UNCERTAIN");
        assertThat(e.suspensionDue()).isFalse();

        // the same issuer, the same number (typed without diacritics and in other case): refused on "number"
        assertThatThrownBy(() -> registry.addAct(province, b, new EstablishmentRegistry.ActForm(ActKind.OPERATION_PERMISSION,
                number.toLowerCase(), issued, "So GD&DT Cao Bang", null))).isInstanceOf(InvalidInputProblem.class)
                .satisfies(p -> assertThat(((InvalidInputProblem) p).violations().get(0).field()).isEqualTo("number"));
        // a commune does not license a foreign-language centre
        assertThatThrownBy(() -> registry.addAct(commune, b, new EstablishmentRegistry.ActForm(ActKind.OPERATION_PERMISSION,
                tag + "/QĐ-UBND", issued, null, null))).isInstanceOf(AccessDeniedProblem.class);
        // no study-abroad certificate for a language centre
        assertThatThrownBy(() -> registry.addAct(province, b, new EstablishmentRegistry.ActForm(ActKind.STUDY_ABROAD_CERTIFICATE,
                tag + "/GCN", issued, null, null))).isInstanceOf(InvalidInputProblem.class)
                .satisfies(p -> assertThat(((InvalidInputProblem) p).violations().get(0).field()).isEqualTo("kind"));
        assertThat(registry.get(province, b).acts()).isEmpty();
        assertThat(registry.get(province, b).status()).isEqualTo(Establishment.Status.PENDING);

        // the commune records the business registration of its extra-teaching establishment (since 1/7/2025)
        long dt = registry.create(commune, new EstablishmentRegistry.Form(Kind.EXTRA_TEACHING, "Cơ sở dạy thêm Hoa Mai " + tag, "Xóm Nà Mạ",
                canYen, "Hoàng Văn Nam", OwnerKind.INDIVIDUAL, null, null, null, "Toán, Tiếng Việt lớp 6–9", "300.000 đồng/tháng",
                "Môn Toán 2 buổi/tuần", null, List.of(), null));
        registry.addAct(commune, dt, new EstablishmentRegistry.ActForm(ActKind.BUSINESS_REGISTRATION, tag + "/HKD", issued, null, null));
        assertThat(registry.get(commune, dt).acts().get(0).issuer()).isEqualTo("Cơ quan đăng ký kinh doanh");
    }

    @Test
    void aLicenceWithoutActivityWithinTheRulePeriodIsDueForSuspension() {
        long id = registry.create(province, centre("Trung tâm Ngoại ngữ Im Lặng " + tag, canYen, OwnerKind.ORGANISATION));
        registry.addAct(province, id, new EstablishmentRegistry.ActForm(ActKind.ESTABLISHMENT_DECISION, tag + "/QĐ-CŨ",
                clock.today().minusMonths(13), null, null));
        assertThat(registry.get(province, id).suspensionDue()).isTrue();
        Establishment e = registry.get(province, id);
        registry.update(province, id, new EstablishmentRegistry.Form(e.kind(), e.name(), e.address(), e.unitId(), e.owner(), e.ownerKind(),
                e.director(), e.directorTermFrom(), e.directorTermTo(), e.programmes(), e.fees(), e.disclosure(),
                clock.today().minusMonths(12), null, e.version()));
        assertThat(registry.get(province, id).suspensionDue()).isFalse();
        // teachers are kept when the form does not send them
        assertThat(registry.get(province, id).teachers()).hasSize(1);
    }

    @Test
    void inspectionFindingsViolationsRemediesAndTheDecisionFollowTheRules() {
        long id = registry.create(province, centre("Trung tâm Ngoại ngữ Kiểm Tra " + tag, canYen, OwnerKind.INDIVIDUAL));
        LocalDate date = clock.today().minusDays(3);
        long insp = inspections.create(province, new Inspections.Form(SubjectType.ESTABLISHMENT, id, date, null,
                List.of(new Member("Lê Văn Cường", "Sở GD&ĐT", "Trưởng đoàn"), new Member("Phạm Thị Dung", "Công an tỉnh", null)), null));
        assertThat(inspections.get(commune, insp).team()).hasSize(2);

        assertField(() -> inspections.addFinding(province, insp, new Inspections.FindingForm(11, null, "Nội dung ngoài biên bản", null, null)), "item");
        assertField(() -> inspections.addFinding(province, insp, new Inspections.FindingForm(9, "S-DT3", "Không công khai", null, null)),
                "violationCode");
        assertField(() -> inspections.addFinding(province, insp, new Inspections.FindingForm(6, "S-06", "", null, null)), "note");
        assertThat(inspections.get(province, insp).findings()).isEmpty();

        inspections.addFinding(province, insp, new Inspections.FindingForm(6, "S-06", "Dạy tại địa điểm chưa đăng ký", "Đưa học viên về địa điểm được phép", 10));
        Inspection i = inspections.get(province, insp);
        assertThat(i.findings().get(0).remedyDue()).isEqualTo(workingDays.add(date, 10));

        // a person pays half of 10–20 million
        Inspections.FineRange range = inspections.fineRange(i).orElseThrow();
        assertThat(range.min()).isEqualTo(5_000_000L);
        assertThat(range.max()).isEqualTo(10_000_000L);
        String number = tag + "/QĐ-XPHC";
        assertField(() -> inspections.decide(province, insp, new Inspections.DecisionForm(number, clock.today(), "Chánh Thanh tra Sở", 15_000_000L)),
                "fineVnd");
        assertThat(inspections.get(province, insp).sanction()).isNull();
        inspections.decide(province, insp, new Inspections.DecisionForm(number, clock.today(), "Chánh Thanh tra Sở", 7_500_000L));
        assertThat(inspections.get(province, insp).sanction().fineVnd()).isEqualTo(7_500_000L);

        // the same authority cannot reuse the number on another inspection
        long insp2 = inspections.create(province, new Inspections.Form(SubjectType.ESTABLISHMENT, id, date, null,
                List.of(new Member("Lê Văn Cường", "Sở GD&ĐT", null)), null));
        inspections.addFinding(province, insp2, new Inspections.FindingForm(1, "S-05b", "Hoạt động khi chưa được phép", null, null));
        assertField(() -> inspections.decide(province, insp2, new Inspections.DecisionForm(number, clock.today(), "Chánh thanh tra sở", 10_000_000L)),
                "number");

        // the open remedy is on the inspector's home and on the inspected commune's
        assertThat(taskSources.stream().flatMap(s -> s.tasksFor(province, clock.today()).stream()))
                .anyMatch(t -> t.href().equals("/oversight/inspections/" + insp));
        assertThat(taskSources.stream().flatMap(s -> s.tasksFor(commune, clock.today()).stream()))
                .anyMatch(t -> t.href().equals("/oversight/inspections/" + insp));
        // the follow-up check closes it
        inspections.resolve(province, insp, i.findings().get(0).id(), clock.today(), "Đã chuyển lớp");
        assertThat(taskSources.stream().flatMap(s -> s.tasksFor(province, clock.today()).stream()))
                .noneMatch(t -> t.href().equals("/oversight/inspections/" + insp));
    }

    @Test
    void aViolationNotInForceOnTheInspectionDateIsRefused() {
        long id = registry.create(province, centre("Trung tâm Ngoại ngữ Năm Cũ " + tag, canYen, OwnerKind.ORGANISATION));
        // S-FLX came with NĐ 127/2021, in force from 1/1/2022
        long insp = inspections.create(province, new Inspections.Form(SubjectType.ESTABLISHMENT, id, LocalDate.of(2021, 6, 1), null,
                List.of(new Member("Lê Văn Cường", "Sở GD&ĐT", null)), null));
        assertField(() -> inspections.addFinding(province, insp, new Inspections.FindingForm(7, "S-FLX", "Cấp chứng chỉ", null, null)),
                "violationCode");
        inspections.addFinding(province, insp, new Inspections.FindingForm(6, "S-06", "Dạy ngoài địa điểm", null, null));
        assertThat(inspections.get(province, insp).findings()).hasSize(1);
    }

    @Test
    void aCommuneInspectsItsExtraTeachingEstablishmentsButNotLicensedCentres() {
        long dt = registry.create(commune, new EstablishmentRegistry.Form(Kind.EXTRA_TEACHING, "Cơ sở dạy thêm Sao Mai " + tag, "Xóm Bản Giới",
                canYen, null, null, null, null, null, null, null, null, null, List.of(), null));
        long fl = registry.create(province, centre("Trung tâm Ngoại ngữ Xã " + tag, canYen, OwnerKind.ORGANISATION));
        List<Member> team = List.of(new Member("Đàm Thị Em", "UBND xã Cần Yên", null));
        long insp = inspections.create(commune, new Inspections.Form(SubjectType.ESTABLISHMENT, dt, clock.today(), null, team, null));
        assertThat(inspections.get(commune, insp).subjectName()).contains("Sao Mai");
        assertThatThrownBy(() -> inspections.create(commune, new Inspections.Form(SubjectType.ESTABLISHMENT, fl, clock.today(), null, team, null)))
                .isInstanceOf(AccessDeniedProblem.class);
        // before 1/7/2025 the district managed extra teaching
        assertThatThrownBy(() -> inspections.create(commune, new Inspections.Form(SubjectType.ESTABLISHMENT, dt, LocalDate.of(2025, 3, 1), null,
                team, null))).isInstanceOf(AccessDeniedProblem.class);
        assertField(() -> inspections.create(commune, new Inspections.Form(SubjectType.ESTABLISHMENT, dt, clock.today(), null, List.of(), null)),
                "team");
    }

    @Test
    void theApiNamesTheFieldAndThePublicListNeedsNoLogin() throws Exception {
        Http so = Http.basic(port, "so.caobang", "xhht-demo");
        Http xa = Http.basic(port, "xa.canyen", "xhht-demo");
        String name = "Trung tâm Ngoại ngữ Hòa Bình " + tag;
        HttpResponse<String> outside = xa.postJson("/api/v1/establishments", """
                {"kind":"EXTRA_TEACHING","name":"%s","address":"Số 2","unitId":%d}""".formatted(name, otherCommune));
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(outside.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(json.readTree(outside.body()).path("field").asString()).isEqualTo("unitId");
        assertThat(countNamed(name)).isZero();

        HttpResponse<String> created = so.postJson("/api/v1/establishments", """
                {"kind":"FOREIGN_LANGUAGE_IT","name":"%s","address":"Số 9 phố Vườn Cam","unitId":%d,"owner":"Công ty Hòa Bình",
                 "director":"Vũ Thị Giang","directorTermFrom":"2025-09-01",
                 "teachers":[{"fullName":"Mary Brown","foreign":true,"nationality":"Úc","workPermitUntil":"2027-01-01"}]}"""
                .formatted(name, canYen));
        assertThat(created.statusCode()).isEqualTo(201);
        long id = json.readTree(created.body()).path("id").asLong();
        HttpResponse<String> act = so.postJson("/api/v1/establishments/" + id + "/acts", """
                {"kind":"OPERATION_PERMISSION","number":"%s/QĐ-SGDĐT","issuedOn":"%s"}""".formatted(tag, clock.today()));
        assertThat(act.statusCode()).isEqualTo(201);
        assertThat(json.readTree(act.body()).path("status").asString()).isEqualTo("ACTIVE");
        HttpResponse<String> dup = so.postJson("/api/v1/establishments/" + id + "/acts", """
                {"kind":"OPERATION_PERMISSION","number":"%s/QĐ-SGDĐT","issuedOn":"%s"}""".formatted(tag, clock.today()));
        assertThat(json.readTree(dup.body()).path("field").asString()).isEqualTo("number");

        // the commune may read it, not change it
        assertThat(xa.get("/api/v1/establishments/" + id).statusCode()).isEqualTo(200);
        HttpResponse<String> patch = xa.send(xa.request("/api/v1/establishments/" + id).header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"Đổi tên\"}")).build());
        assertThat(patch.statusCode()).isEqualTo(403);

        HttpResponse<String> pub = Http.anonymous(port).get("/api/v1/public/establishments?q=" + Http.enc("hoa binh " + tag));
        assertThat(pub.statusCode()).isEqualTo(200);
        JsonNode list = json.readTree(pub.body());
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).path("acts").get(0).path("number").asString()).isEqualTo(tag + "/QĐ-SGDĐT");
        assertThat(list.get(0).has("teachers")).isFalse();
        HttpResponse<String> csv = Http.anonymous(port).get("/public/establishments.csv?q=" + Http.enc("hoa binh " + tag));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains(name).contains("Đã được cấp phép, đăng ký");
        HttpResponse<byte[]> xlsx = Http.anonymous(port).getBytes("/public/establishments.xlsx?q=" + Http.enc(tag));
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(new String(xlsx.body(), 0, 2)).isEqualTo("PK");

        HttpResponse<String> types = so.get("/api/v1/violation-types");
        assertThat(types.body()).contains("\"code\":\"S-06\"").contains("Nghị định 04/2021/NĐ-CP");
    }

    @Test
    void theOutOfSchoolReportCountsTheRegistryAndInspections() {
        // a commune of its own (no other test registers establishments there)
        long unit = jdbc.sql("select id from org_unit where level = 3 and valid_to is null and province_id <> (select province_id from org_unit where id = :c) order by code desc limit 1")
                .param("c", canYen).query(Long.class).single();
        TestUsers.User admin = TestUsers.load(jdbc, "admin");
        ReportFigureSource source = figureSources.stream().filter(s -> s instanceof OversightReportFigures).findFirst().orElseThrow();
        LocalDate from = clock.today().withDayOfYear(1);
        Map<String, BigDecimal> before = source.values(unit, from, clock.today());
        long id = registry.create(admin, centre("Trung tâm Ngoại ngữ Báo Cáo " + tag, unit, OwnerKind.ORGANISATION));
        registry.addAct(admin, id, new EstablishmentRegistry.ActForm(ActKind.OPERATION_PERMISSION, tag + "/BC", clock.today(), null, null));
        long insp = inspections.create(admin, new Inspections.Form(SubjectType.ESTABLISHMENT, id, clock.today(), null,
                List.of(new Member("Ngô Văn Hải", "Thanh tra Sở", null)), null));
        inspections.addFinding(admin, insp, new Inspections.FindingForm(6, "S-06", "Dạy ngoài địa điểm", null, null));
        inspections.decide(admin, insp, new Inspections.DecisionForm(tag + "/XP", clock.today(), "Chánh Thanh tra Sở", 12_000_000L));
        Map<String, BigDecimal> after = source.values(unit, from, clock.today());
        assertThat(after.get("oversight.establishments.foreign_language_it").subtract(before.get("oversight.establishments.foreign_language_it")))
                .isEqualByComparingTo("1");
        assertThat(after.get("oversight.inspections.establishments").subtract(before.get("oversight.inspections.establishments"))).isEqualByComparingTo("1");
        assertThat(after.get("oversight.violations").subtract(before.get("oversight.violations"))).isEqualByComparingTo("1");
        assertThat(after.get("oversight.sanctions").subtract(before.get("oversight.sanctions"))).isEqualByComparingTo("1");
        assertThat(after.get("oversight.fines").subtract(before.get("oversight.fines"))).isEqualByComparingTo("12000000");
        for (String code : List.of("oversight.establishments.total", "oversight.establishments.licensed", "oversight.establishments.inspected",
                "oversight.establishments.violating", "oversight.teachers.foreign")) {
            assertThat(after.get(code).subtract(before.get(code))).as(code).isEqualByComparingTo("1");
        }
    }

    static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOf(InvalidInputProblem.class)
                .satisfies(p -> assertThat(((InvalidInputProblem) p).violations()).extracting(InvalidInputProblem.Violation::field).contains(field));
    }
}
