package vn.xhht.publishing;

import java.net.CookieManager;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.shared.ConcurrentEditProblem;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.support.Http;
import vn.xhht.support.TestUsers;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A withdrawn item goes through review again to be republished; a concurrent edit is refused, nothing overwritten. */
@XhhtIntegrationTest
class RepublishAndVersionTest {

    @LocalServerPort
    int port;
    @Autowired
    Publishing publishing;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aWithdrawnItemIsRepublishedOnlyAfterANewApproval() {
        TestUsers.User commune = TestUsers.load(jdbc, "xa.canyen");
        PublishingTest.Head head = new PublishingTest.Head(commune.unitId());
        String title = "Mô hình tủ sách dòng họ " + UUID.randomUUID();
        Publishing.Item item = publishing.create(commune, commune.unitId(), new Publishing.Draft("STORY", title, null, "Nội dung", null, 2026), List.of());
        assertThatThrownBy(() -> publishing.republish(commune, item.id(), null))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.violations().get(0).messageKey()).isEqualTo("w16.publishing.notWithdrawn"));
        publishing.submit(commune, item.id());
        publishing.approve(head, item.id(), null);
        publishing.withdraw(commune, item.id(), "Sai tên dòng họ");

        Publishing.Item draft = publishing.republish(commune, item.id(), "Đã sửa tên dòng họ");
        assertThat(draft.status()).isEqualTo("DRAFT");
        assertThat(draft.withdrawnReason()).isNull();
        Http anonymous = Http.anonymous(port);
        assertThat(anonymous.get("/public/news/" + item.id()).statusCode()).isEqualTo(404);

        String fixed = title + " (đã sửa)";
        publishing.update(commune, item.id(), new Publishing.Draft("STORY", fixed, null, "Nội dung", null, 2026), List.of(), draft.version());
        publishing.submit(commune, item.id());
        assertThat(anonymous.get("/public/news/" + item.id()).statusCode()).isEqualTo(404);
        publishing.approve(head, item.id(), "Đồng ý đăng lại");
        HttpResponse<String> page = anonymous.get("/public/news/" + item.id());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(fixed);
        // every version kept: draft, published, withdrawn, draft again, edited, published again
        assertThat(publishing.versions(commune, item.id())).extracting(Publishing.Version::status)
                .containsExactly("PUBLISHED", "DRAFT", "DRAFT", "WITHDRAWN", "PUBLISHED", "DRAFT");
        assertThat(jdbc.sql("select count(*) from review_event where subject_type = 'PublishedItem' and subject_id = :id and action = 'REOPEN'")
                .param("id", item.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aConcurrentEditIsRefusedInVietnameseAndNothingIsOverwritten() {
        TestUsers.User commune = TestUsers.load(jdbc, "xa.canyen");
        String title = "Tin lớp xóa mù chữ " + UUID.randomUUID();
        Publishing.Item item = publishing.create(commune, commune.unitId(), new Publishing.Draft("NEWS", title, null, null, null, null), List.of());
        Http h = Http.session(port, new CookieManager());
        assertThat(h.login("xa.canyen", "xhht-demo")).doesNotContain("error");
        String html = h.get("/news/" + item.id()).body();
        String form = html.substring(html.indexOf("id=\"news-form\""));
        Matcher v = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(form);
        assertThat(v.find()).isTrue();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).isTrue();

        // a colleague saves first
        String theirs = title + " (bản của đồng nghiệp)";
        publishing.update(commune, item.id(), new Publishing.Draft("NEWS", theirs, null, null, null, null), List.of(), item.version());

        Map<String, String> body = new LinkedHashMap<>();
        body.put("_csrf", csrf.group(1));
        body.put("version", v.group(1));
        body.put("kind", "NEWS");
        body.put("title", title + " (bản của tôi)");
        HttpResponse<String> r = h.postForm("/news/" + item.id(), body);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("id=\"version-error\"").contains("Người khác vừa lưu tin bài này").contains(title + " (bản của tôi)");
        assertThat(jdbc.sql("select title from pub_item where id = :id").param("id", item.id()).query(String.class).single()).isEqualTo(theirs);
        assertThatThrownBy(() -> publishing.update(commune, item.id(), new Publishing.Draft("NEWS", "x", null, null, null, null), List.of(), null))
                .isInstanceOf(ConcurrentEditProblem.class);
    }
}
