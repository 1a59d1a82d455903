package vn.xhht.plan;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.review.Review;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plans through their review: who submits, who approves before and after the 2025 reform, locks and deadlines. */
@XhhtIntegrationTest
class PlanWorkflowTest {

    @Autowired
    PlanService plans;
    @Autowired
    JdbcClient jdbc;

    /** Each test plans for another commune so the tests do not share a plan. */
    static final AtomicInteger NEXT = new AtomicInteger();

    long commune(String code, String date) {
        return TestUsers.unitId(jdbc, code, OrgUnit.COMMUNE, date);
    }

    static String field(Throwable e) {
        return ((InvalidInputProblem) e).violations().get(0).messageKey();
    }

    @Test
    void afterTheReformTheCommunesPlanGoesToTheProvince() {
        var canYen = TestUsers.load(jdbc, "xa.canyen");
        var province = TestUsers.load(jdbc, "so.caobang");
        long commune = commune("01366", "2025-07-01");
        int year = 2026;
        jdbc.sql("delete from plan_row where plan_id in (select id from plan where owner_unit_id = :c and plan_year = :y)").param("c", commune).param("y", year).update();
        jdbc.sql("delete from plan_target where plan_id in (select id from plan where owner_unit_id = :c and plan_year = :y)").param("c", commune).param("y", year).update();
        Plan p = plans.ofOwner(canYen, commune).stream().filter(x -> x.planYear() == year).findFirst()
                .orElseGet(() -> plans.create(canYen, commune, year, true));
        assertThat(p.review().reviewerUnitId()).isEqualTo(TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01"));
        assertThat(p.targets()).extracting(Plan.Target::code).contains("THEMATIC_CLASSES", "PARTICIPATIONS");

        assertThatThrownBy(() -> plans.submit(canYen, p.id())).satisfies(e -> assertThat(field(e)).isEqualTo("plan.rows.empty"));
        plans.addRow(canYen, p.id(), LocalDate.of(2026, 10, 1), "Tổ chức Tuần lễ hưởng ứng học tập suốt đời", "TTHTCĐ", "Hội Khuyến học", null);
        assertThatThrownBy(() -> plans.addRow(canYen, p.id(), LocalDate.of(2028, 1, 1), "Ngoài năm", null, null, null))
                .satisfies(e -> assertThat(field(e)).isEqualTo("plan.row.monthOutside"));

        assertThat(plans.submit(canYen, p.id()).status()).isEqualTo(Review.Status.SUBMITTED);
        assertThatThrownBy(() -> plans.submit(canYen, p.id())).satisfies(e -> assertThat(field(e)).isEqualTo("review.alreadySubmitted"));
        // locked while submitted
        assertThatThrownBy(() -> plans.addRow(canYen, p.id(), LocalDate.of(2026, 11, 1), "Thêm", null, null, null))
                .satisfies(e -> assertThat(field(e)).isEqualTo("plan.locked"));
        // the commune cannot approve its own plan
        assertThatThrownBy(() -> plans.approve(canYen, p.id(), null)).isInstanceOf(AccessDeniedProblem.class);
        // the association reads but does not decide
        assertThatThrownBy(() -> plans.approve(TestUsers.load(jdbc, "hkh.caobang"), p.id(), null)).isInstanceOf(AccessDeniedProblem.class);

        assertThatThrownBy(() -> plans.returnWithComment(province, p.id(), " ")).satisfies(e -> assertThat(field(e)).isEqualTo("review.comment.required"));
        assertThat(plans.returnWithComment(province, p.id(), "Bổ sung chỉ tiêu lớp xóa mù chữ").status()).isEqualTo(Review.Status.RETURNED);
        plans.setTarget(canYen, p.id(), p.targets().stream().filter(t -> "LITERACY_CLASSES".equals(t.code())).findFirst().orElseThrow().id(),
                null, null, java.math.BigDecimal.valueOf(2));
        plans.submit(canYen, p.id());
        assertThat(plans.approve(province, p.id(), "Đồng ý").status()).isEqualTo(Review.Status.APPROVED);
        assertThatThrownBy(() -> plans.approve(province, p.id(), null)).satisfies(e -> assertThat(field(e)).isEqualTo("review.alreadyApproved"));
        assertThatThrownBy(() -> plans.updateText(canYen, p.id(), "x", "y", "z", plans.require(canYen, p.id()).version()))
                .satisfies(e -> assertThat(field(e)).isEqualTo("plan.locked"));

        Plan approved = plans.require(canYen, p.id());
        assertThat(approved.review().late(LocalDate.now(vn.xhht.shared.VietnamClock.ZONE))).as("due 23/01/2026, submitted in %s", LocalDate.now(vn.xhht.shared.VietnamClock.ZONE).getYear())
                .isEqualTo(LocalDate.now(vn.xhht.shared.VietnamClock.ZONE).isAfter(LocalDate.of(2026, 1, 23)));
        assertThat(jdbc.sql("select string_agg(action, ',' order by id) from review_event where subject_type = 'Plan' and subject_id = :id")
                .param("id", p.id()).query(String.class).single()).isEqualTo("CREATE,SUBMIT,RETURN,SUBMIT,APPROVE");

        // the board of the province shows it approved; the commune's office tasks are empty
        assertThat(plans.board(province, TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01"), year))
                .filteredOn(l -> l.unitId() == commune).singleElement()
                .satisfies(l -> assertThat(l.status()).isEqualTo(Review.Status.APPROVED));
    }

    @Test
    void beforeTheReformTheDistrictApprovesAndTheNewProvinceCannot() {
        var district = TestUsers.load(jdbc, "pgd.haquang");
        var province = TestUsers.load(jdbc, "so.caobang");
        long oldCommune = commune("01372", "2025-06-30"); // Xã Lương Thông, closed 30/06/2025
        Plan p = plans.ofOwner(district, oldCommune).stream().filter(x -> x.planYear() == 2024).findFirst()
                .orElseGet(() -> plans.create(district, oldCommune, 2024, false));
        assertThat(p.review().reviewerUnitId()).isEqualTo(TestUsers.unitId(jdbc, "045", OrgUnit.DISTRICT, "2025-06-30"));
        if (p.review().status() != Review.Status.APPROVED) {
            plans.addRow(district, p.id(), LocalDate.of(2024, 11, 1), "Điều tra xóa mù chữ", "TTHTCĐ", "Đồn Biên phòng", null);
            plans.submit(district, p.id());
            assertThatThrownBy(() -> plans.approve(province, p.id(), null)).isInstanceOf(AccessDeniedProblem.class);
            assertThat(plans.approve(district, p.id(), null).status()).isEqualTo(Review.Status.APPROVED);
        }
        // a plan for a year when the commune no longer exists is refused
        assertThatThrownBy(() -> plans.create(district, oldCommune, 2026, false))
                .satisfies(e -> assertThat(field(e)).isEqualTo("plan.owner.notValid"));
    }

    @Test
    void officePlanRowsBecomeTasksOfTheUnitsBelow() {
        var province = TestUsers.load(jdbc, "so.caobang");
        long caoBang = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        int year = LocalDate.now(vn.xhht.shared.VietnamClock.ZONE).getMonthValue() >= 9 ? LocalDate.now(vn.xhht.shared.VietnamClock.ZONE).getYear() : LocalDate.now(vn.xhht.shared.VietnamClock.ZONE).getYear() - 1;
        Plan office = plans.ofOwner(province, caoBang).stream().filter(x -> x.planYear() == year).findFirst()
                .orElseGet(() -> plans.create(province, caoBang, year, false));
        LocalDate thisMonth = LocalDate.now(vn.xhht.shared.VietnamClock.ZONE).withDayOfMonth(1);
        String task = "Kiểm tra công tác xóa mù chữ các xã biên giới " + NEXT.incrementAndGet();
        plans.addRow(province, office.id(), thisMonth, task, "Sở GD&ĐT", "UBND xã", null);
        assertThat(plans.tasksFor(TestUsers.load(jdbc, "xa.canyen"), thisMonth, thisMonth.plusMonths(1)))
                .extracting(PlanService.Task::activity).contains(task);
        assertThat(plans.tasksFor(TestUsers.load(jdbc, "admin"), thisMonth, thisMonth.plusMonths(1)))
                .extracting(PlanService.Task::activity).doesNotContain(task);
    }

    @Test
    void theProvinceSetsItsPlanYearAndDeadlinesAsData() {
        var province = TestUsers.load(jdbc, "so.caobang");
        long caoBang = TestUsers.unitId(jdbc, "04", OrgUnit.PROVINCE, "2025-07-01");
        plans.configure(province, caoBang, "SCHOOL", 2027, LocalDate.of(2027, 9, 30));
        assertThat(plans.dueDate(caoBang, 2027)).isEqualTo(LocalDate.of(2027, 9, 30));
        assertThat(plans.yearKind(caoBang)).isEqualTo("SCHOOL");
        // another province keeps the national default
        long haNoi = TestUsers.unitId(jdbc, "01", OrgUnit.PROVINCE, "2025-07-01");
        assertThat(plans.dueDate(haNoi, 2027)).isEqualTo(LocalDate.of(2027, 1, 23));
        assertThatThrownBy(() -> plans.configure(TestUsers.load(jdbc, "xa.canyen"), caoBang, "CALENDAR", null, null))
                .isInstanceOf(AccessDeniedProblem.class);
        assertThatThrownBy(() -> plans.configure(province, haNoi, "CALENDAR", null, null)).isInstanceOf(AccessDeniedProblem.class);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'PlanDeadline'").query(Long.class).single()).isPositive();
    }
}
