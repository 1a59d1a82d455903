package vn.xhht.platform;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The short API guide (authentication, paging, errors, versioning) for whoever writes a client; open to anyone. */
@Controller
@Hidden
class ApiGuideController {

    @GetMapping("/api")
    String guide() {
        return "api-guide";
    }
}
