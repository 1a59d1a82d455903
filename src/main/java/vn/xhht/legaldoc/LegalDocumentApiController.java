package vn.xhht.legaldoc;

import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
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
    List<LegalDocument> list(@RequestParam(required = false) String q) {
        return register.list(CurrentUsers.require(), q);
    }

    @GetMapping("/{id}")
    LegalDocument get(@PathVariable long id) {
        return register.get(CurrentUsers.require(), id);
    }
}
