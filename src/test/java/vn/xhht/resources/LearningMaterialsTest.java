package vn.xhht.resources;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.evidence.EvidenceStore;
import vn.xhht.review.Review;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.Role;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The learning-materials library: checked input, sharing with the area, approval, counted downloads, links to activities. */
@XhhtIntegrationTest
class LearningMaterialsTest {

    static final byte[] PDF = "%PDF-1.4\n% tài liệu thử\n".getBytes(StandardCharsets.UTF_8);

    @Autowired
    LearningMaterials materials;
    @Autowired
    JdbcClient jdbc;

    static LearningMaterials.Form form(String title, String kind, String copies, String link, Long version) {
        return new LearningMaterials.Form(null, title, kind, "Pháp luật về đất đai", "Người dân", "Trung tâm GDNN-GDTX Hà Quảng",
                null, link, "2026", "BOTH", copies, "Được phép sao chụp để học tập", "Các trung tâm trong tỉnh", version);
    }

    static LearningMaterials.Form in(long unit, LearningMaterials.Form f) {
        return new LearningMaterials.Form(unit, f.title(), f.kind(), f.topic(), f.audience(), f.authorOrg(), f.source(), f.link(),
                f.edition(), f.medium(), f.copies(), f.licence(), f.whoMayUse(), f.version());
    }

    long count() {
        return jdbc.sql("select count(*) from learning_material").query(Long.class).single();
    }

    static List<String> fields(Throwable e) {
        return ((InvalidInputProblem) e).violations().stream().map(v -> v.field() + ":" + v.messageKey()).toList();
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsSaved() {
        var commune = TestUsers.load(jdbc, "xa.canyen");
        long before = count();
        assertThatThrownBy(() -> materials.create(commune, in(commune.unitId(), form(" ", null, "mười", "ftp://x", null)), List.of(), List.of()))
                .satisfies(e -> assertThat(fields(e)).containsExactlyInAnyOrder("title:material.title.required", "kind:material.kind.required",
                        "copies:material.copies.invalid", "link:material.link.invalid"));
        assertThatThrownBy(() -> materials.create(commune, in(commune.unitId(), form("Sổ tay", "BOOK", "-3", null, null)), List.of(), List.of()))
                .satisfies(e -> assertThat(fields(e)).containsExactly("copies:material.copies.negative"));
        // a file named .pdf that is not a PDF, next to a good one: neither the material nor the good file is saved
        long files = jdbc.sql("select count(*) from evidence_file").query(Long.class).single();
        assertThatThrownBy(() -> materials.create(commune, in(commune.unitId(), form("Sổ tay", "BOOK", null, null, null)),
                List.of(new EvidenceStore.Upload("tot.pdf", PDF), new EvidenceStore.Upload("gia.pdf", "MZ không phải PDF".getBytes(StandardCharsets.UTF_8))),
                List.of())).satisfies(e -> assertThat(fields(e)).containsExactly("files:evidence.notImage"));
        assertThat(count()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from evidence_file").query(Long.class).single()).isEqualTo(files);
    }

    @Test
    void aCommuneMaterialIsSharedWithItsAreaApprovedByTheDepartmentDownloadedAndLinkedToAnActivity() {
        var commune = TestUsers.load(jdbc, "xa.canyen");
        var department = TestUsers.load(jdbc, "so.caobang");
        long otherProvinceCommune = jdbc.sql("""
                select u.id from org_unit u join org_unit p on p.id = u.province_id
                 where u.level = 3 and p.code <> '04' and u.valid_to is null order by u.id limit 1
                """).query(Long.class).single();
        var stranger = new TestUsers.User(0, "xa.khac", "Cán bộ xã khác", Role.COMMUNE_OFFICER, otherProvinceCommune);

        LearningMaterials.Material m = materials.create(commune, in(commune.unitId(), form("Tài liệu tuyên truyền Luật Đất đai 2024", "BOOKLET", "", null, null)),
                List.of(new EvidenceStore.Upload("luat-dat-dai.pdf", PDF)), List.of());
        assertThat(m.copies()).as("blank copies stay blank, not 0").isNull();
        assertThat(m.status()).isEqualTo(Review.Status.SUBMITTED);
        assertThat(m.files()).extracting(LearningMaterials.MaterialFile::fileName).containsExactly("luat-dat-dai.pdf");

        // search ignores diacritics; the department above sees it, another province does not
        assertThat(materials.search(commune, "luat dat dai", null, 50)).extracting(LearningMaterials.Material::id).contains(m.id());
        assertThat(materials.search(department, "LUẬT ĐẤT", "BOOKLET", 50)).extracting(LearningMaterials.Material::id).contains(m.id());
        assertThat(materials.search(department, "luat dat dai", "VIDEO", 50)).extracting(LearningMaterials.Material::id).doesNotContain(m.id());
        assertThat(materials.search(stranger, "luat dat dai", null, 50)).extracting(LearningMaterials.Material::id).doesNotContain(m.id());
        assertThatThrownBy(() -> materials.require(stranger, m.id())).isInstanceOf(AccessDeniedProblem.class);

        // the commune that offered it does not approve it; the department does
        assertThatThrownBy(() -> materials.approve(commune, m.id(), null)).isInstanceOf(AccessDeniedProblem.class);
        assertThat(materials.approve(department, m.id(), "Đạt yêu cầu").status()).isEqualTo(Review.Status.APPROVED);

        // downloads are counted
        long file = m.files().get(0).id();
        assertThat(materials.download(commune, m.id(), file).data()).isEqualTo(PDF);
        materials.download(department, m.id(), file);
        assertThat(materials.require(commune, m.id()).downloads()).isEqualTo(2);

        // optimistic locking: a save on a stale version is refused and changes nothing
        LearningMaterials.Material edited = materials.update(commune, m.id(),
                form("Tài liệu tuyên truyền Luật Đất đai 2024 (bản sửa)", "BOOKLET", "40", null, m.version()), List.of(), List.of());
        assertThat(edited.copies()).isEqualTo(40);
        assertThatThrownBy(() -> materials.update(commune, m.id(), form("Ghi đè", "BOOK", "1", null, m.version()), List.of(), List.of()))
                .isInstanceOf(ConcurrentEditProblem.class);
        assertThat(materials.require(commune, m.id()).title()).isEqualTo("Tài liệu tuyên truyền Luật Đất đai 2024 (bản sửa)");

        // an activity of the commune's own centre is linked; one of another centre is refused
        long centre = BudgetFixture.canYenCentre(jdbc);
        long mine = BudgetFixture.activity(jdbc, centre, "Chuyên đề Luật Đất đai", LocalDate.of(2026, 3, 5));
        long foreign = BudgetFixture.activity(jdbc, BudgetFixture.otherCentre(jdbc), "Hoạt động của xã khác", LocalDate.of(2026, 3, 5));
        assertThat(materials.linkActivity(commune, m.id(), mine).activityIds()).containsExactly(mine);
        assertThatThrownBy(() -> materials.linkActivity(commune, m.id(), foreign))
                .satisfies(e -> assertThat(fields(e)).containsExactly("activityId:material.activity.notYours"));
        assertThat(materials.usedBy(mine)).extracting(LearningMaterials.Material::id).containsExactly(m.id());
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'LearningMaterial' and entity_id = :id")
                .param("id", String.valueOf(m.id())).query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }
}
