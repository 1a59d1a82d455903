package vn.xhht.literacy;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import vn.xhht.platform.FormErrors;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;

/** Literacy class pages: list and opening, learners, sessions with attendance, scores, PDF list and certificates. */
@Controller
class LiteracyClassController {

    private final LiteracyClasses classes;
    private final LiteracyAccess access;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    LiteracyClassController(LiteracyClasses classes, LiteracyAccess access, JdbcClient jdbc, MessageSource messages) {
        this.classes = classes;
        this.access = access;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    private static LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** A typed date that is not a real day (2026-02-30, "abc") is a field error, never silently dropped. */
    private static LocalDate strictDate(String s, String field) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputProblem(field, "lit.class.dateInvalid");
        }
    }

    @GetMapping("/literacy/classes")
    String list(@RequestParam(required = false) Long unitId, Model model) {
        CurrentUser user = CurrentUsers.require();
        long id = unitId == null ? user.unitId() : unitId;
        var unit = access.requireReadable(user, id);
        model.addAttribute("unit", unit);
        model.addAttribute("classes", classes.list(user, id));
        model.addAttribute("canCreate", unit.level() == 3 && access.units().canWrite(user, id) && user.literacyAccess());
        model.addAttribute("hamlets", jdbc.sql("select id, name from xhht_unit where parent_id = :c and level = 4 and valid_to is null order by name")
                .param("c", id).query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "literacy/classes";
    }

    @PostMapping("/literacy/classes")
    String create(@RequestParam long unitId, @RequestParam(required = false) String programme, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String venue, @RequestParam(required = false) Long hamletId,
                  @RequestParam(required = false) String teachers, @RequestParam(required = false) String startDate,
                  @RequestParam(required = false) String endDate, @RequestParam(required = false) String funding, Model model) {
        CurrentUser user = CurrentUsers.require();
        try {
            long id = classes.create(user, unitId, programme, name, venue, hamletId, teachers, strictDate(startDate, "startDate"),
                    strictDate(endDate, "endDate"), funding);
            return "redirect:/literacy/classes/" + id;
        } catch (InvalidInputProblem e) {
            model.addAttribute("errors", FormErrors.of(e, messages));
            return list(unitId, model);
        }
    }

    @GetMapping("/literacy/classes/{id}")
    String show(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        LiteracyClasses.LiteracyClass c = classes.get(user, id);
        model.addAttribute("c", c);
        model.addAttribute("learners", user.literacyAccess() ? classes.learners(user, id) : List.of());
        model.addAttribute("personAccess", user.literacyAccess());
        model.addAttribute("canWrite", user.literacyAccess() && access.units().canWrite(user, c.communeId()) && !c.closed());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "literacy/class";
    }

    @PostMapping("/literacy/classes/{id}/enrol")
    String enrol(@PathVariable long id, @RequestParam(required = false) String personCode, Model model) {
        CurrentUser user = CurrentUsers.require();
        LiteracyClasses.LiteracyClass c = classes.get(user, id);
        try {
            Long personId = jdbc.sql("select id from lit_person where commune_id = :c and code = :code").param("c", c.communeId())
                    .param("code", personCode == null ? "" : personCode.strip()).query(Long.class).optional()
                    .orElseThrow(() -> new InvalidInputProblem("personCode", "lit.class.person"));
            classes.enrol(user, id, personId);
            return "redirect:/literacy/classes/" + id;
        } catch (InvalidInputProblem e) {
            model.addAttribute("errors", FormErrors.of(e, messages));
            return show(id, model);
        }
    }

    @PostMapping("/literacy/classes/{id}/sessions")
    String session(@PathVariable long id, @RequestParam(required = false) String sessionDate, @RequestParam(required = false) String topic,
                   @RequestParam(required = false) List<Long> present, Model model) {
        CurrentUser user = CurrentUsers.require();
        try {
            classes.session(user, id, date(sessionDate), topic, present == null ? List.of() : present);
            return "redirect:/literacy/classes/" + id;
        } catch (InvalidInputProblem e) {
            model.addAttribute("errors", FormErrors.of(e, messages));
            return show(id, model);
        }
    }

    @PostMapping("/literacy/classes/{id}/assess")
    String assess(@PathVariable long id, @RequestParam long enrolmentId, @RequestParam(required = false) String vietnamese,
                  @RequestParam(required = false) String maths, Model model) {
        CurrentUser user = CurrentUsers.require();
        try {
            classes.assess(user, id, enrolmentId, score(vietnamese, "vietnamese"), score(maths, "maths"), LocalDate.now());
            return "redirect:/literacy/classes/" + id;
        } catch (InvalidInputProblem e) {
            model.addAttribute("errors", FormErrors.of(e, messages));
            return show(id, model);
        }
    }

    private static BigDecimal score(String s, String field) {
        try {
            return s == null || s.isBlank() ? null : new BigDecimal(s.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidInputProblem(field, "lit.class.score");
        }
    }

    @PostMapping("/literacy/classes/{id}/close")
    String close(@PathVariable long id, @RequestParam long version) {
        classes.close(CurrentUsers.require(), id, version);
        return "redirect:/literacy/classes/" + id;
    }

    @GetMapping("/literacy/classes/{id}/list.pdf")
    void listPdf(@PathVariable long id, HttpServletResponse response) throws IOException {
        // rendered before the download starts: a refusal (no person-level access) is then a 403 page, not a 500
        var pdf = new java.io.ByteArrayOutputStream();
        classes.pdf(CurrentUsers.require(), id, false, pdf);
        vn.xhht.document.Downloads.attachment(response, vn.xhht.document.Downloads.Format.PDF, "danh-sach-lop-" + id);
        pdf.writeTo(response.getOutputStream());
    }

    @GetMapping("/literacy/classes/{id}/certificates.pdf")
    void certificates(@PathVariable long id, HttpServletResponse response) throws IOException {
        // rendered before the download starts: a refusal (no person-level access) is then a 403 page, not a 500
        var pdf = new java.io.ByteArrayOutputStream();
        classes.pdf(CurrentUsers.require(), id, true, pdf);
        vn.xhht.document.Downloads.attachment(response, vn.xhht.document.Downloads.Format.PDF, "chung-nhan-lop-" + id);
        pdf.writeTo(response.getOutputStream());
    }
}
