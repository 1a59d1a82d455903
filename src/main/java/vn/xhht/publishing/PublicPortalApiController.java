package vn.xhht.publishing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.xhht.centre.PublicCentres;
import vn.xhht.evaluation.ResultStatistics;

/** The public portal for apps (no login): centres, a centre's page, published news, recognitions. */
@RestController
@Tag(name = "Công khai cho người dân / Public")
class PublicPortalApiController {

    private final Portal portal;
    private final Publishing publishing;

    PublicPortalApiController(Portal portal, Publishing publishing) {
        this.portal = portal;
        this.publishing = publishing;
    }

    @Schema(name = "PublicCentre", description = "Trung tâm học tập cộng đồng (thông tin công khai). / A centre's public data.")
    record CentreDto(long id, String name, long communeId, String communeName, long provinceId, String provinceName,
                     @Schema(nullable = true) String address, @Schema(description = "Điện thoại của trung tâm. / The centre's own phone.", nullable = true) String phone,
                     @Schema(nullable = true) String email, @Schema(description = "Giờ mở cửa. / Opening hours.", nullable = true) String openingHours) {
        static CentreDto of(PublicCentres.PublicCentre c) {
            return new CentreDto(c.id(), c.name(), c.communeId(), c.communeName(), c.provinceId(), c.provinceName(), c.address(), c.phone(),
                    c.email(), c.openingHours());
        }
    }

    @Schema(name = "PublicActivity", description = "Một hoạt động của trung tâm. / One activity of a centre.")
    record ActivityDto(long id, LocalDate startDate, LocalDate endDate, String title, String type, @Schema(nullable = true) String venue,
                       @Schema(nullable = true) String hamlet,
                       @Schema(description = "Ảnh thu nhỏ (GET; thêm ?size=full để xem cỡ gốc). / Thumbnail addresses.") List<String> photos) {
        static ActivityDto of(PublicCentres.PublicActivity a) {
            return new ActivityDto(a.id(), a.startDate(), a.endDate(), a.title(), a.type(), a.venue(), a.hamlet(),
                    a.photoIds().stream().map(f -> "/public/photos/" + f).toList());
        }
    }

    @Schema(name = "PublicCentrePage", description = "Trang công khai của một trung tâm. / A centre's public page.")
    record CentrePageDto(CentreDto centre, List<ActivityDto> upcoming, List<ActivityDto> recent, List<PublicCentres.BoardMember> board,
                         List<PublicCentres.Club> clubs, List<PublicCentres.Book> books,
                         @Schema(nullable = true) ResultStatistics.PublicLine latestRecognition) {
    }

    @Schema(name = "PublicNewsItem", description = "Tin, gương điển hình hoặc thông tin xử lý vi phạm đã đăng. / A published item.")
    record NewsDto(long id, @Schema(allowableValues = {"NEWS", "STORY", "CORRECTION"}) String kind, String title,
                   @Schema(nullable = true) String summary, @Schema(nullable = true) String body, long unitId, String unitName,
                   @Schema(nullable = true) String subjectUnit, @Schema(nullable = true) Integer subjectYear, OffsetDateTime publishedAt,
                   List<String> photos) {
        static NewsDto of(Publishing.Item i) {
            return new NewsDto(i.id(), i.kind(), i.title(), i.summary(), i.body(), i.unitId(), i.unitName(), i.subjectUnit(), i.subjectYear(),
                    i.publishedAt(), i.photoIds().stream().map(f -> "/public/news/photos/" + f).toList());
        }
    }

    @GetMapping("/api/v1/public/centres")
    @Operation(operationId = "findPublicCentres", summary = "Tìm trung tâm học tập theo tên xã (có hoặc không dấu)",
            description = "Without login: centres of current communes whose name contains q, diacritics and case ignored; at most 30.")
    List<CentreDto> centres(@RequestParam(required = false) String q) {
        return portal.find(q).stream().map(CentreDto::of).toList();
    }

    @GetMapping("/api/v1/public/centres/{id}")
    @Operation(operationId = "getPublicCentre", summary = "Trang công khai của một trung tâm",
            description = "Without login: address, contact, hours, board (names and roles), upcoming and recent activities with photos, "
                    + "clubs, books on the shelf, latest recognition. No personal data of residents.")
    CentrePageDto centre(@PathVariable long id) {
        Portal.CentrePage p = portal.centre(id);
        return new CentrePageDto(CentreDto.of(p.centre()), p.upcoming().stream().map(ActivityDto::of).toList(),
                p.recent().stream().map(ActivityDto::of).toList(), p.board(), p.clubs(), p.books(), p.recognition().orElse(null));
    }

    @GetMapping("/api/v1/public/news")
    @Operation(operationId = "listPublicNews", summary = "Tin bài đã đăng (không cần đăng nhập)",
            description = "Without login: published news, stories of exemplary people and models, corrections; of a unit's area when "
                    + "unitId is given; newest first, at most 200. Withdrawn items are absent.")
    List<NewsDto> news(@RequestParam(required = false) Long unitId) {
        return publishing.published(unitId, null, 200).stream().map(NewsDto::of).toList();
    }

    @GetMapping("/api/v1/public/recognitions")
    @Operation(operationId = "listPublicRecognitions", summary = "Danh sách công nhận đã công bố",
            description = "Without login: recognised learning communities, families, clans and units published by the evaluation module; "
                    + "of a unit's area and a year when given; at most 500.")
    List<ResultStatistics.PublicLine> recognitions(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer year) {
        return portal.recognitions(unitId, year);
    }
}
