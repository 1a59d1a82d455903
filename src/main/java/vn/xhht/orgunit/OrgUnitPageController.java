package vn.xhht.orgunit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xhht.platform.FormErrors;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.VietnamClock;
import vn.xhht.document.Downloads;

/** The unit tree (choose the date of the structure), a unit's page, and the hamlet list of a commune. */
@Controller
class OrgUnitPageController {

    private final OrgUnitDirectory directory;
    private final OrgUnitRepository repository;
    private final HamletService hamlets;
    private final StructureDates dates;
    private final MessageSource messages;
    private final HamletImport hamletImport;
    private final UnitSigners signers;
    @org.springframework.beans.factory.annotation.Value("${xhht.upload.max-bytes:10485760}")
    private long maxUploadBytes;
    private final OrgUnitExport export;
    private final VietnamClock clock;
    private final UnitAttributes attributes;

    OrgUnitPageController(OrgUnitDirectory directory, OrgUnitRepository repository, HamletService hamlets,
                          StructureDates dates, MessageSource messages, HamletImport hamletImport, OrgUnitExport export,
                          UnitSigners signers, VietnamClock clock, UnitAttributes attributes) {
        this.attributes = attributes;
        this.signers = signers;
        this.hamletImport = hamletImport;
        this.export = export;
        this.directory = directory;
        this.repository = repository;
        this.hamlets = hamlets;
        this.dates = dates;
        this.messages = messages;
        this.clock = clock;
    }

    static final int FILTERED_MAX = 500;

    @GetMapping("/units")
    String tree(@RequestParam(required = false) String date, @RequestParam(required = false) String q,
                @RequestParam(required = false) String border, @RequestParam(required = false) String especiallyDifficult,
                @RequestParam(required = false) String island, @RequestParam(required = false) String zone,
                @RequestParam(required = false) String emRegion, Model model) {
        CurrentUser user = CurrentUsers.require();
        LocalDate d = pageDate(date, model, user);
        model.addAttribute("q", q);
        Map<String, String> filterErrors = new java.util.LinkedHashMap<>();
        UnitAttributeFilter filter = UnitAttributeFilter.lenient(border, especiallyDifficult, island, zone, emRegion, filterErrors);
        model.addAttribute("filter", filter);
        model.addAttribute("filterErrors", filterErrors);
        if (!filter.isEmpty()) {
            // attributes belong to communes: a filtered view is the flat list of the communes of the area that have them
            List<OrgUnit> found = directory.search(user, d, OrgUnit.COMMUNE, null, q, FILTERED_MAX + 1, filter);
            model.addAttribute("filtered", true);
            model.addAttribute("more", found.size() > FILTERED_MAX);
            model.addAttribute("results", found.size() > FILTERED_MAX ? found.subList(0, FILTERED_MAX) : found);
            model.addAttribute("filteredMax", FILTERED_MAX);
            model.addAttribute("attrs", attributes.onDate(found.stream().map(OrgUnit::id).toList(), d));
        } else if (q != null && !q.isBlank()) {
            model.addAttribute("results", directory.search(user, d, null, null, q, 200));
        } else {
            List<OrgUnit> roots = repository.scopeRoots(user.unitId(), d);
            if (roots.size() == 1 && roots.get(0).level() == OrgUnit.NATION) {
                model.addAttribute("nodes", repository.children(roots.get(0).id(), d));
            } else {
                model.addAttribute("nodes", roots.stream().map(r -> new OrgUnitRepository.ChildCount(r,
                        repository.children(r.id(), d).size())).toList());
            }
            if (roots.isEmpty()) {
                directory.find(user.unitId()).ifPresent(u -> model.addAttribute("ownUnitClosed", u));
            }
        }
        return "units/tree";
    }

    /** Options for a unit chooser (user administration): any date, within the user's area. */
    @GetMapping("/units/picker")
    String picker(@RequestParam(required = false) String unitQuery, Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("units", unitQuery == null || unitQuery.isBlank() ? List.of()
                : directory.search(user, null, null, null, unitQuery, 30));
        return "units/picker :: options";
    }

    @GetMapping("/units/{id}/children")
    String children(@PathVariable long id, @RequestParam(required = false) String date, Model model) {
        CurrentUser user = CurrentUsers.require();
        directory.requireReadable(user, id);
        LocalDate d = dates.check("date", parseDate(date));
        model.addAttribute("date", d);
        model.addAttribute("nodes", repository.children(id, d));
        return "units/tree :: children";
    }

    @GetMapping("/units/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) String date, Model model) {
        CurrentUser user = CurrentUsers.require();
        OrgUnit unit = directory.requireReadable(user, id);
        LocalDate d = date == null && unit.validTo() != null && unit.validTo().isBefore(clock.today())
                ? unit.validTo() : pageDate(date, model, user);
        fillDetail(model, user, unit, d);
        return "units/detail";
    }

    private void fillDetail(Model model, CurrentUser user, OrgUnit unit, LocalDate d) {
        model.addAttribute("date", d);
        model.addAttribute("unit", unit);
        List<OrgUnit> ancestors = directory.ancestors(unit);
        model.addAttribute("ancestors", ancestors);
        model.addAttribute("children", repository.children(unit.id(), d));
        model.addAttribute("allHamlets", unit.isCommune() ? repository.allChildren(unit.id()) : List.of());
        List<Succession> successors = directory.successors(unit.id());
        List<Succession> predecessors = directory.predecessors(unit.id());
        model.addAttribute("successors", successors);
        model.addAttribute("predecessors", predecessors);
        model.addAttribute("legalBasis", repository.legalBasis(unit.id()).orElse(null));
        model.addAttribute("attributeHistory", unit.isCommune() ? attributes.history(unit.id()) : List.of());
        boolean writable = directory.canWrite(user, unit.id());
        model.addAttribute("canManageHamlets", writable && unit.isCommune() && unit.validTo() == null
                && HamletService.MANAGERS.contains(user.role()));
        model.addAttribute("canEditHamlet", writable && HamletService.MANAGERS.contains(user.role()));
        model.addAttribute("canEditAttributes", writable && unit.level() >= OrgUnit.DISTRICT && unit.level() <= OrgUnit.COMMUNE
                && user.role() != vn.xhht.shared.Role.COMMUNE_OFFICER && HamletService.MANAGERS.contains(user.role()));
        model.addAttribute("hamletTypes", HamletType.ALL);
        model.addAttribute("signers", signers.of(unit.id()));
        model.addAttribute("canEditSigners", writable && unit.level() >= OrgUnit.PROVINCE && unit.level() <= OrgUnit.COMMUNE && unit.validTo() == null);
        model.addAttribute("zones", OrgUnit.Zone.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
    }

    @PostMapping("/units/{id}/hamlets")
    String addHamlet(@PathVariable long id, @RequestParam(required = false) String name,
                     @RequestParam(required = false) String type,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
                     Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        try {
            OrgUnit created = hamlets.create(user, id, new HamletService.NewHamlet(name, type, validFrom));
            redirect.addFlashAttribute("ok", messages.getMessage("hamlet.created", new Object[]{created.type(), created.name()},
                    org.springframework.context.i18n.LocaleContextHolder.getLocale()));
            return "redirect:/units/" + id;
        } catch (InvalidInputProblem e) {
            model.addAttribute("errors", FormErrors.of(e, messages));
            model.addAttribute("form", Map.of("name", name == null ? "" : name, "type", type == null ? "" : type));
            fillDetail(model, user, directory.requireReadable(user, id), clock.today());
            return "units/detail";
        }
    }

    @PostMapping("/units/{id}/hamlets/import")
    String importHamlets(@PathVariable long id, @RequestParam(required = false) MultipartFile file, Model model,
                         jakarta.servlet.http.HttpSession session) {
        CurrentUser user = CurrentUsers.require();
        OrgUnit commune = directory.requireReadable(user, id);
        Map<String, String> errors = Map.of();
        if (file == null || file.isEmpty()) {
            errors = Map.of("file", text("hamlet.import.noFile"));
        } else if (file.getSize() > maxUploadBytes) {
            errors = Map.of("file", text("upload.tooLarge", maxUploadBytes / (1024 * 1024)));
        } else {
            try (java.io.InputStream in = file.getInputStream()) {
                HamletImport.Result result = hamletImport.run(user, id, in);
                model.addAttribute("importResult", result);
                // every error stays downloadable (with its line) while the page shows the groups and the first ones
                if (!result.errors().isEmpty()) {
                    session.setAttribute(IMPORT_ERRORS + id, new java.util.ArrayList<>(result.errors()));
                }
            } catch (InvalidInputProblem e) {
                errors = FormErrors.of(e, messages);
            } catch (java.io.IOException e) {
                errors = Map.of("file", text("hamlet.import.notXlsx"));
            }
        }
        model.addAttribute("importErrors", errors);
        fillDetail(model, user, directory.require(commune.id()), clock.today());
        return "units/detail";
    }

    static final String IMPORT_ERRORS = "hamlet-import-errors:";

    /** The errors of this session's last rejected hamlet import of the commune, as .xlsx with line numbers. */
    @GetMapping("/units/{id}/hamlets/import-errors.xlsx")
    void importErrors(@PathVariable long id, jakarta.servlet.http.HttpSession session, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        CurrentUser user = CurrentUsers.require();
        directory.requireReadable(user, id);
        @SuppressWarnings("unchecked")
        List<HamletImport.LineError> errors = (List<HamletImport.LineError>) session.getAttribute(IMPORT_ERRORS + id);
        if (errors == null) {
            throw new vn.xhht.shared.NotFoundProblem("hamlet.import.errorsGone");
        }
        vn.xhht.document.Downloads.attachment(response, vn.xhht.document.Downloads.Format.XLSX, "loi-nhap-thon-to-dan-pho-" + id);
        response.getOutputStream().write(hamletImport.errorsXlsx(errors));
    }

    @GetMapping("/units/hamlet-template.xlsx")
    org.springframework.http.ResponseEntity<byte[]> hamletTemplate() {
        return org.springframework.http.ResponseEntity.ok().headers(Downloads.headers(Downloads.Format.XLSX, "mau-thon-to-dan-pho"))
                .body(hamletImport.template());
    }


    @GetMapping("/units/export.xlsx")
    void exportTree(@RequestParam(required = false) String date, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        CurrentUser user = CurrentUsers.require();
        LocalDate d = dates.check("date", parseDate(date));
        Downloads.attachment(response, Downloads.Format.XLSX, "don-vi-hanh-chinh-" + d);
        export.write(user, d, response.getOutputStream());
    }

    @PostMapping("/units/{id}/rename")
    String rename(@PathVariable long id, @RequestParam(required = false) String name, @RequestParam long version,
                  RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        OrgUnit hamlet = directory.requireReadable(user, id);
        try {
            hamlets.rename(user, id, name, version);
            redirect.addFlashAttribute("ok", text("hamlet.renamed", hamlet.name(), UnitNames.clean(name)));
        } catch (InvalidInputProblem e) {
            redirect.addFlashAttribute("rowErrors", Map.of(id, FormErrors.of(e, messages)));
        }
        return "redirect:/units/" + hamlet.parentId();
    }

    @PostMapping("/units/{id}/close")
    String close(@PathVariable long id,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
                 @RequestParam long version, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        OrgUnit hamlet = directory.requireReadable(user, id);
        try {
            hamlets.close(user, id, validTo, version);
            redirect.addFlashAttribute("ok", text("hamlet.closed", hamlet.name()));
        } catch (InvalidInputProblem e) {
            redirect.addFlashAttribute("rowErrors", Map.of(id, FormErrors.of(e, messages)));
        }
        return "redirect:/units/" + hamlet.parentId();
    }

    @PostMapping("/units/{id}/signers")
    String signers(@PathVariable long id, @RequestParam(required = false) String chairName,
                   @RequestParam(required = false) String educationHeadName, RedirectAttributes redirect) {
        try {
            signers.save(CurrentUsers.require(), id, chairName, educationHeadName);
            redirect.addFlashAttribute("ok", text("unit.signer.saved"));
        } catch (InvalidInputProblem e) {
            redirect.addFlashAttribute("errors", FormErrors.of(e, messages));
        }
        return "redirect:/units/" + id;
    }

    @PostMapping("/units/{id}/attributes")
    String attributes(@PathVariable long id, @RequestParam(defaultValue = "false") boolean borderCommune,
                      @RequestParam(required = false) String zone,
                      @RequestParam(defaultValue = "false") boolean especiallyDifficult,
                      @RequestParam(defaultValue = "false") boolean ethnicMinorityArea,
                      @RequestParam long version, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        OrgUnit.Zone z = zone == null || zone.isBlank() ? null : OrgUnit.Zone.valueOf(zone);
        hamlets.updateAttributes(user, id, new HamletService.Attributes(borderCommune, z, especiallyDifficult, ethnicMinorityArea), version);
        redirect.addFlashAttribute("ok", text("unit.attributes.saved"));
        return "redirect:/units/" + id;
    }

    private LocalDate pageDate(String raw, Model model, CurrentUser user) {
        LocalDate parsed = parseDateOrNull(raw, model);
        LocalDate d;
        try {
            d = dates.check("date", parsed);
        } catch (InvalidInputProblem e) {
            model.addAttribute("dateError", FormErrors.of(e, messages).get("date"));
            d = clock.today();
        }
        model.addAttribute("date", d);
        model.addAttribute("today", clock.today());
        return d;
    }

    private LocalDate parseDateOrNull(String raw, Model model) {
        try {
            return parseDate(raw);
        } catch (InvalidInputProblem e) {
            model.addAttribute("dateError", FormErrors.of(e, messages).get("date"));
            return null;
        }
    }

    private static LocalDate parseDate(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputProblem("date", "unit.date.invalid");
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }
}
