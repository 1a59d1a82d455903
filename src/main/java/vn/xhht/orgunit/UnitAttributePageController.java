package vn.xhht.orgunit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xhht.platform.FormErrors;
import vn.xhht.shared.Certainty;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.VietnamClock;

/**
 * The administrator's screen of dated commune attributes: the values in force on a date, one value added with its
 * period and decision, or a whole .csv file (all lines or none).
 */
@Controller
class UnitAttributePageController {

    /** A refused line of an imported file, in words. */
    record ImportError(int line, String message) {
    }

    private final UnitAttributes attributes;
    private final StructureDates dates;
    private final VietnamClock clock;
    private final MessageSource messages;
    private final long maxUploadBytes;

    UnitAttributePageController(UnitAttributes attributes, StructureDates dates, VietnamClock clock, MessageSource messages,
                                @Value("${xhht.upload.max-bytes:10485760}") long maxUploadBytes) {
        this.attributes = attributes;
        this.dates = dates;
        this.clock = clock;
        this.messages = messages;
        this.maxUploadBytes = maxUploadBytes;
    }

    @GetMapping("/admin/unit-attributes")
    String list(@RequestParam(required = false) String date, @RequestParam(required = false) String attribute, Model model) {
        return page(model, date, attribute, null, Map.of());
    }

    @PostMapping("/admin/unit-attributes")
    String add(@RequestParam(required = false) String unitCode, @RequestParam(required = false) String attribute,
               @RequestParam(required = false) String value,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
               @RequestParam(required = false) String legalBasis, @RequestParam(required = false) String certainty,
               @RequestParam(required = false) String source, Model model, RedirectAttributes redirect) {
        UnitAttributes.Input in = new UnitAttributes.Input(unitCode, attribute, value, validFrom, validTo, legalBasis, certainty, source);
        try {
            UnitAttributes.Entry e = attributes.add(CurrentUsers.require(), in);
            redirect.addFlashAttribute("ok", text("unitAttr.saved", e.unitName()));
            return "redirect:/admin/unit-attributes?date=" + e.validFrom();
        } catch (InvalidInputProblem e) {
            return page(model, null, null, in, FormErrors.of(e, messages));
        }
    }

    @PostMapping("/admin/unit-attributes/import")
    String importFile(@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
        if (file == null || file.isEmpty()) {
            return page(model, null, null, null, Map.of("file", text("unitAttr.import.noFile")));
        }
        if (file.getSize() > maxUploadBytes) {
            return page(model, null, null, null, Map.of("file", text("upload.tooLarge", maxUploadBytes / (1024 * 1024))));
        }
        UnitAttributes.ImportResult result;
        try (java.io.InputStream in = file.getInputStream()) {
            result = attributes.importCsv(CurrentUsers.require(), in);
        } catch (java.io.IOException e) {
            return page(model, null, null, null, Map.of("file", text("unitAttr.import.unreadable")));
        }
        if (!result.errors().isEmpty()) {
            model.addAttribute("importErrors", result.errors().stream().limit(200).map(e -> new ImportError(e.line(),
                    text("unitAttr.import.field." + e.field()) + ": " + text(e.messageKey(), e.args()))).toList());
            model.addAttribute("importErrorCount", result.errors().size());
            return page(model, null, null, null, Map.of("file", text("unitAttr.import.refused", result.errors().size())));
        }
        redirect.addFlashAttribute("ok", text("unitAttr.import.saved", result.saved()));
        return "redirect:/admin/unit-attributes";
    }

    private String page(Model model, String rawDate, String rawAttribute, UnitAttributes.Input form, Map<String, String> errors) {
        LocalDate day = clock.today();
        if (rawDate != null && !rawDate.isBlank()) {
            try {
                day = dates.check("date", LocalDate.parse(rawDate));
            } catch (java.time.format.DateTimeParseException e) {
                model.addAttribute("dateError", text("unitAttr.date.invalid", rawDate));
            } catch (InvalidInputProblem e) {
                model.addAttribute("dateError", FormErrors.of(e, messages).get("date"));
            }
        }
        UnitAttributes.Attribute attribute = UnitAttributes.Attribute.parse(rawAttribute);
        model.addAttribute("date", day);
        model.addAttribute("attribute", attribute);
        model.addAttribute("attributes", List.of(UnitAttributes.Attribute.values()));
        model.addAttribute("certainties", List.of(Certainty.values()));
        model.addAttribute("entries", attributes.validOn(CurrentUsers.require(), day, attribute, 500));
        model.addAttribute("form", form == null ? new UnitAttributes.Input("", "", "", null, null, "", "", "") : form);
        model.addAttribute("errors", errors);
        model.addAttribute("csvHeader", String.join(",", UnitAttributes.CSV_COLUMNS));
        return "admin/unit-attributes";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
