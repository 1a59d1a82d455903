package vn.xhht.legaldoc;

import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.xhht.shared.CurrentUsers;

@RestController
@RequestMapping("/api/v1/legal-documents")
@Tag(name = "Văn bản pháp lý / Legal documents")
class LegalDocumentApiController {

    private final LegalDocumentRegister register;

    LegalDocumentApiController(LegalDocumentRegister register) {
        this.register = register;
    }

    @GetMapping
    @Operation(operationId = "listLegalDocuments", summary = "Danh sách văn bản pháp lý",
            description = "Legal documents visible to the caller; q matches number or title.")
    List<LegalDocument> list(@RequestParam(required = false) String q) {
        return register.list(CurrentUsers.require(), q);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getLegalDocument", summary = "Xem một văn bản pháp lý",
            description = "One legal document.")
    LegalDocument get(@PathVariable long id) {
        return register.get(CurrentUsers.require(), id);
    }
}
