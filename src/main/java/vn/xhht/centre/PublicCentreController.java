package vn.xhht.centre;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

import vn.xhht.platform.FormErrors;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.NotFoundProblem;

/**
 * Pages for residents, without login: find the centre of one's commune, see its upcoming activities (the public
 * schedule board, R6) and register what one wants to learn (R12). Shows only public information.
 */
@Controller
class PublicCentreController {

    record PublicCentre(long id, String name, String communeName, String provinceName) {
    }

    record PublicActivity(LocalDate startDate, LocalDate endDate, String title, String type, String venue, String hamlet) {
    }

    private final JdbcClient jdbc;
    private final LearningNeeds needs;
    private final ReferenceLists lists;
    private final MessageSource messages;

    PublicCentreController(JdbcClient jdbc, LearningNeeds needs, ReferenceLists lists, MessageSource messages) {
        this.jdbc = jdbc;
        this.needs = needs;
        this.lists = lists;
        this.messages = messages;
    }

    @GetMapping("/public/centres")
    String find(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("centres", q == null || q.isBlank() ? List.of() : jdbc.sql("""
                select c.id, c.name, u.name as commune, p.name as province
                from centre c join xhht_unit u on u.id = c.commune_id join xhht_unit p on p.id = u.province_id
                where u.valid_to is null and u.search_name like '%' || xhht_search_key(:q) || '%'
                order by u.name limit 30
                """).param("q", q.strip()).query((rs, n) -> new PublicCentre(rs.getLong("id"), rs.getString("name"),
                rs.getString("commune"), rs.getString("province"))).list());
        return "public/find";
    }

    @GetMapping("/public/centres/{id}")
    String board(@PathVariable long id, Model model) {
        PublicCentre c = centre(id);
        model.addAttribute("centre", c);
        model.addAttribute("upcoming", jdbc.sql("""
                select a.start_date, a.end_date, a.title, t.name_vi as type, a.venue, h.name as hamlet
                from activity a join activity_type t on t.code = a.type_code left join xhht_unit h on h.id = a.hamlet_id
                where a.centre_id = :c and a.end_date >= current_date order by a.start_date limit 50
                """).param("c", id).query((rs, n) -> new PublicActivity(rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class), rs.getString("title"), rs.getString("type"), rs.getString("venue"),
                rs.getString("hamlet"))).list());
        return "public/board";
    }

    @GetMapping("/public/centres/{id}/needs")
    String needForm(@PathVariable long id, Model model) {
        return needPage(model, centre(id), Map.of(), null);
    }

    @PostMapping("/public/centres/{id}/needs")
    String submitNeed(@PathVariable long id, @RequestParam(required = false) String topic, @RequestParam(required = false) String detail,
                      @RequestParam(required = false) String ageGroup, @RequestParam(required = false) String sex,
                      @RequestParam(required = false) Long hamletId, @RequestParam(required = false) String phone,
                      HttpServletRequest request, Model model) {
        PublicCentre c = centre(id);
        LearningNeeds.Need need = new LearningNeeds.Need(id, topic, detail, ageGroup, sex, hamletId, phone, null);
        try {
            needs.submitPublic(clientKey(request), need);
            model.addAttribute("thanks", true);
            return needPage(model, c, Map.of(), null);
        } catch (InvalidInputProblem e) {
            return needPage(model, c, FormErrors.of(e, messages), need);
        }
    }

    private String needPage(Model model, PublicCentre c, Map<String, String> errors, LearningNeeds.Need form) {
        model.addAttribute("centre", c);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("topics", lists.topics(LocaleContextHolder.getLocale()));
        model.addAttribute("ageGroups", LearningNeeds.AgeGroup.values());
        model.addAttribute("hamlets", jdbc.sql("""
                select h.id, h.name from xhht_unit h join centre c on c.commune_id = h.parent_id
                where c.id = :c and h.level = 4 and h.valid_to is null order by h.name
                """).param("c", c.id()).query((rs, n) -> Map.of("id", rs.getLong("id"), "name", rs.getString("name"))).list());
        return "public/needs";
    }

    private PublicCentre centre(long id) {
        return jdbc.sql("""
                select c.id, c.name, u.name as commune, p.name as province
                from centre c join xhht_unit u on u.id = c.commune_id join xhht_unit p on p.id = u.province_id where c.id = :id
                """).param("id", id).query((rs, n) -> new PublicCentre(rs.getLong("id"), rs.getString("name"),
                rs.getString("commune"), rs.getString("province"))).optional()
                .orElseThrow(() -> new NotFoundProblem("centre.notFound", id));
    }

    /** The caller's address, hashed: enough to count submissions, not kept as personal data. */
    static String clientKey(HttpServletRequest request) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(("xhht:" + vn.xhht.platform.ClientAddress.of(request)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
