package vn.xhht.publishing;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.evidence.EvidenceStore;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.Role;
import vn.xhht.support.Http;
import vn.xhht.support.StateFixture;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Publishing rules on the real database and the public API that shows the result (issue 16). */
@XhhtIntegrationTest
class PublishingTest {

    @LocalServerPort
    int port;
    @Autowired
    Publishing publishing;
    @Autowired
    JdbcClient jdbc;

    TestUsers.User canYen() {
        return TestUsers.load(jdbc, "xa.canyen");
    }

    long baDinh() {
        return jdbc.sql("select id from org_unit where name = 'Phường Ba Đình' and level = 3 and valid_to is null order by id limit 1").query(Long.class).single();
    }

    @Test
    void anOfficePublishesOnlyForItsAreaAndATitleAndRealImagesAreRequired() {
        TestUsers.User commune = canYen();
        String title = "Tin ngoài địa bàn " + UUID.randomUUID();
        assertThatThrownBy(() -> publishing.create(commune, baDinh(), new Publishing.Draft("NEWS", title, null, null, null, null), List.of()))
                .isInstanceOf(AccessDeniedProblem.class);
        assertThatThrownBy(() -> publishing.create(commune, commune.unitId(), new Publishing.Draft("NEWS", "  ", null, null, null, null), List.of()))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.violations()).anyMatch(v -> v.field().equals("title")));
        List<EvidenceStore.Upload> fake = List.of(new EvidenceStore.Upload("anh.jpg", "MZ khong phai anh".getBytes()));
        assertThatThrownBy(() -> publishing.create(commune, commune.unitId(), new Publishing.Draft("NEWS", title, null, null, null, null), fake))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.violations()).anyMatch(v -> v.field().equals("photos")));
        assertThat(jdbc.sql("select count(*) from pub_item where title = :t").param("t", title).query(Long.class).single()).isZero();

        // a refused form keeps the real photo chosen with it (not the fake one); the next save attaches it
        List<vn.xhht.evidence.EvidenceFile> kept = publishing.keepPhotos(commune, commune.unitId(),
                List.of(new EvidenceStore.Upload("that.png", StateFixture.png()), fake.get(0)));
        assertThat(kept).extracting(vn.xhht.evidence.EvidenceFile::fileName).containsExactly("that.png");
        Publishing.Item saved = publishing.create(commune, commune.unitId(), new Publishing.Draft("NEWS", title, null, null, null, null),
                List.of(), kept.stream().map(vn.xhht.evidence.EvidenceFile::id).toList());
        assertThat(saved.photoIds()).containsExactly(kept.get(0).id());
        assertThat(publishing.pendingPhotos(commune, List.of(kept.get(0).id()))).isEmpty();
    }

    @Test
    void theWriterCannotApproveAndWithdrawnItemsLeaveThePublicApiAtOnce() {
        TestUsers.User commune = canYen();
        String title = "Gương gia đình học tập " + UUID.randomUUID();
        Publishing.Item item = publishing.create(commune, commune.unitId(), new Publishing.Draft("STORY", title, "Tóm tắt", "Nội dung",
                "Thôn Nà Mần", 2026), List.of(new EvidenceStore.Upload("anh.png", StateFixture.png())));
        publishing.submit(commune, item.id());
        assertThatThrownBy(() -> publishing.approve(commune, item.id(), null)).isInstanceOf(AccessDeniedProblem.class);
        Http anonymous = Http.anonymous(port);
        assertThat(anonymous.get("/api/v1/public/news?unitId=" + commune.unitId()).body()).doesNotContain(title);

        publishing.approve(new Head(commune.unitId()), item.id(), "Đồng ý đăng");
        HttpResponse<String> news = anonymous.get("/api/v1/public/news?unitId=" + commune.unitId());
        assertThat(news.statusCode()).isEqualTo(200);
        assertThat(news.body()).contains(title, "/public/news/photos/");
        assertThat(anonymous.getBytes("/public/news/photos/" + item.photoIds().get(0)).statusCode()).isEqualTo(200);

        assertThatThrownBy(() -> publishing.withdraw(commune, item.id(), " "))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.violations()).anyMatch(v -> v.field().equals("reason")));
        publishing.withdraw(commune, item.id(), "Thông tin chưa chính xác");
        assertThat(anonymous.get("/api/v1/public/news?unitId=" + commune.unitId()).body()).doesNotContain(title);
        assertThat(anonymous.get("/public/news/" + item.id()).statusCode()).isEqualTo(404);
        assertThat(anonymous.getBytes("/public/news/photos/" + item.photoIds().get(0)).statusCode()).isEqualTo(404);
        assertThat(anonymous.get("/sitemap.xml").body()).doesNotContain("/public/news/" + item.id() + "<");
        assertThat(publishing.versions(commune, item.id())).extracting(Publishing.Version::status)
                .containsExactly("WITHDRAWN", "PUBLISHED", "DRAFT");
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'PublishedItem' and entity_id = :id")
                .param("id", String.valueOf(item.id())).query(Long.class).single()).isGreaterThanOrEqualTo(3L);
    }

    @Test
    void thePublicCentreApiFindsCanYenWithoutDiacriticsAndShowsNoResidentData() {
        Http anonymous = Http.anonymous(port);
        HttpResponse<String> found = anonymous.get("/api/v1/public/centres?q=can%20yen");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("Xã Cần Yên");
        long centre = jdbc.sql("select c.id from centre c join org_unit u on u.id = c.commune_id where u.code = '01366' and u.valid_to is null")
                .query(Long.class).single();
        HttpResponse<String> page = anonymous.get("/api/v1/public/centres/" + centre);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("\"upcoming\"", "\"clubs\"", "\"books\"", "\"board\"").doesNotContain("borrower", "\"sex\"", "allowance");
        assertThat(anonymous.get("/api/v1/public/recognitions?year=2020").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/public/centres/" + centre + "/schedule").body()).contains("LỊCH HOẠT ĐỘNG", "/css/print-board");
    }

    /** The head of the commune's office: another officer of the same unit. */
    record Head(long unitId) implements vn.xhht.shared.CurrentUser {
        public long userId() {
            return -7;
        }

        public String username() {
            return "truong.ban." + unitId;
        }

        public String fullName() {
            return "Trưởng ban";
        }

        public Role role() {
            return Role.COMMUNE_OFFICER;
        }
    }
}
