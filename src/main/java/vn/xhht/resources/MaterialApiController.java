package vn.xhht.resources;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.xhht.evidence.EvidenceStore;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Học liệu / Learning materials")
class MaterialApiController {

    private final LearningMaterials materials;

    MaterialApiController(LearningMaterials materials) {
        this.materials = materials;
    }

    @GetMapping("/materials")
    @Operation(operationId = "listMaterials", summary = "Tìm học liệu dùng được",
            description = "Learning materials the user may use (own area and below, and shared from above), newest first; "
                    + "q matches title, topic, author and audience ignoring diacritics.")
    List<LearningMaterials.Material> list(@Parameter(description = "Từ khoá. / Search text.") @RequestParam(required = false) String q,
                                          @Parameter(description = "Loại: BOOK, BOOKLET, DOCUMENT, SLIDES, VIDEO, AUDIO, OTHER. / Kind.")
                                          @RequestParam(required = false) String kind) {
        return materials.search(CurrentUsers.require(), q, kind, 500);
    }

    @GetMapping("/materials/{id}")
    @Operation(operationId = "getMaterial", summary = "Xem học liệu", description = "One learning material with its files and the activities that used it.")
    LearningMaterials.Material get(@PathVariable long id) {
        return materials.require(CurrentUsers.require(), id);
    }

    @PostMapping(path = "/materials", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createMaterial", summary = "Thêm học liệu",
            description = "Adds a learning material held by the user's unit, with files checked by content (PDF, JPEG, PNG, WebP; "
                    + "size limit), and offers it to the department for approval. Nothing is saved when a field or a file is wrong.")
    LearningMaterials.Material create(
            @Parameter(description = "Tên. / Title.") @RequestParam(required = false) String title,
            @Parameter(description = "BOOK, BOOKLET, DOCUMENT, SLIDES, VIDEO, AUDIO, OTHER") @RequestParam(required = false) String kind,
            @RequestParam(required = false) String topic, @RequestParam(required = false) String audience,
            @RequestParam(required = false) String authorOrg, @RequestParam(required = false) String source,
            @Parameter(description = "http(s)://…") @RequestParam(required = false) String link,
            @RequestParam(required = false) String edition,
            @Parameter(description = "PRINT, DIGITAL, BOTH") @RequestParam(required = false) String medium,
            @Parameter(description = "Số bản, số nguyên không âm; để trống nếu chưa đếm. / Copies; blank when not counted.")
            @RequestParam(required = false) String copies,
            @RequestParam(required = false) String licence, @RequestParam(required = false) String whoMayUse,
            @RequestParam(required = false) List<MultipartFile> files) throws IOException {
        CurrentUser user = CurrentUsers.require();
        List<EvidenceStore.Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (!f.isEmpty()) {
                    uploads.add(new EvidenceStore.Upload(f.getOriginalFilename(), f.getBytes()));
                }
            }
        }
        return materials.create(user, new LearningMaterials.Form(user.unitId(), title, kind, topic, audience, authorOrg, source, link,
                edition, medium, copies, licence, whoMayUse, null), uploads, List.of());
    }
}
