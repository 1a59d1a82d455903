package vn.xhht.oversight;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Cơ sở giáo dục ngoài nhà trường / Out-of-school establishments")
class PublicEstablishmentApiController {

    private final PublicEstablishments list;

    PublicEstablishmentApiController(PublicEstablishments list) {
        this.list = list;
    }

    @GetMapping("/api/v1/public/establishments")
    @Operation(operationId = "listPublicEstablishments", summary = "Danh sách công khai cơ sở được cấp phép, bị xử phạt",
            description = "Without login: licensed or registered establishments and sanctioned ones, q matches name, address or owner "
                    + "without diacritics; at most 200.")
    List<PublicEstablishments.PublicEstablishment> list(@RequestParam(required = false) String q) {
        return list.search(q, PublicEstablishments.MAX);
    }

    @GetMapping("/api/v1/public/establishments/{id}")
    @Operation(operationId = "getPublicEstablishment", summary = "Thông tin công khai của một cơ sở",
            description = "Without login: one published establishment with its acts and sanctions.")
    PublicEstablishments.PublicEstablishment one(@PathVariable long id) {
        return list.get(id);
    }
}
