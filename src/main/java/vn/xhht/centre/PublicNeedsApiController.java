package vn.xhht.centre;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The public registration of a learning need for apps: no login, limited per address. */
@RestController
class PublicNeedsApiController {

    private final LearningNeeds needs;
    private final MessageSource messages;

    PublicNeedsApiController(LearningNeeds needs, MessageSource messages) {
        this.needs = needs;
        this.messages = messages;
    }

    record PublicNeed(Long centreId, String topic, String detail, String ageGroup, String sex, Long hamletId, String phone) {
    }

    /** The same registration for apps: no login, limited per address. */
    @PostMapping("/api/v1/public/learning-needs")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> submitApi(@RequestBody PublicNeed body, HttpServletRequest request) {
        long id = needs.submitPublic(PublicCentreController.clientKey(request), new LearningNeeds.Need(body.centreId(), body.topic(), body.detail(),
                body.ageGroup(), body.sex(), body.hamletId(), body.phone(), null));
        return Map.of("id", id, "message", messages.getMessage("need.thanks", null, LocaleContextHolder.getLocale()));
    }

}
