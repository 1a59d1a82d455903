package vn.xhht.centre;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xhht.platform.FormErrors;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.VietnamClock;

/** /centres/{id}/record: the centre's registry record and its board, people, facilities, books, partners and clubs. */
@Controller
class CentreRecordController {

    private final CentreRegistry centres;
    private final CentreRecords records;
    private final MessageSource messages;
    private final VietnamClock clock;

    CentreRecordController(CentreRegistry centres, CentreRecords records, MessageSource messages, VietnamClock clock) {
        this.centres = centres;
        this.records = records;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/centres/{id}/record")
    String record(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        Centre c = centres.require(user, id);
        model.addAttribute("centre", c);
        model.addAttribute("canEdit", centres.canEdit(user, c));
        model.addAttribute("board", records.board(user, id));
        model.addAttribute("subcommittees", records.subcommittees(user, id));
        model.addAttribute("people", records.people(user, id));
        model.addAttribute("assets", records.assets(user, id));
        model.addAttribute("books", records.books(user, id));
        model.addAttribute("loans", records.loans(user, id));
        model.addAttribute("partners", records.partners(user, id));
        model.addAttribute("clubs", records.clubs(user, id));
        model.addAttribute("positions", CentreRecords.Position.values());
        model.addAttribute("roles", CentreRecords.PersonRole.values());
        model.addAttribute("premisesList", Centre.Premises.values());
        model.addAttribute("today", clock.today());
        return "centres/record";
    }

    @PostMapping("/centres/{id}/edit")
    String edit(@PathVariable long id, @RequestParam(required = false) String name, @RequestParam(required = false) String foundingDecision,
                @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate foundedOn,
                @RequestParam(required = false) Centre.Premises premises, @RequestParam(defaultValue = "false") boolean combined,
                @RequestParam(defaultValue = "false") boolean modelCentre, @RequestParam(required = false) Integer modelSinceYear,
                @RequestParam(required = false) String address, @RequestParam(required = false) String phone,
                @RequestParam(required = false) String email, @RequestParam(required = false) Long version, RedirectAttributes r) {
        return act(id, r, () -> centres.update(CurrentUsers.require(), id, new CentreRegistry.Form(name, foundingDecision, foundedOn, premises,
                combined, modelCentre, modelSinceYear, address, phone, email, version)));
    }

    @PostMapping("/centres/{id}/board")
    String board(@PathVariable long id, @RequestParam(required = false) String fullName, @RequestParam(required = false) String position,
                 @RequestParam(required = false) String mainPost, @RequestParam(defaultValue = "false") boolean concurrent,
                 @RequestParam(required = false) BigDecimal allowance, @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate termStart,
                 @RequestParam(required = false) Long replacesId, RedirectAttributes r) {
        return act(id, r, () -> records.addBoardMember(CurrentUsers.require(), id, fullName, position, mainPost, concurrent, allowance, termStart, replacesId));
    }

    @PostMapping("/centres/{id}/board/{memberId}/end")
    String endTerm(@PathVariable long id, @PathVariable long memberId, @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate termEnd,
                   RedirectAttributes r) {
        return act(id, r, () -> records.endBoardTerm(CurrentUsers.require(), id, memberId, termEnd));
    }

    @PostMapping("/centres/{id}/subcommittees")
    String subcommittee(@PathVariable long id, @RequestParam(required = false) String name, @RequestParam(required = false) String members,
                        RedirectAttributes r) {
        return act(id, r, () -> records.addSubcommittee(CurrentUsers.require(), id, name, members));
    }

    @PostMapping("/centres/{id}/people")
    String person(@PathVariable long id, @RequestParam(required = false) String fullName, @RequestParam(required = false) String role,
                  @RequestParam(required = false) String field, @RequestParam(required = false) String originOrg,
                  @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate since, RedirectAttributes r) {
        return act(id, r, () -> records.addPerson(CurrentUsers.require(), id, fullName, role, field, originOrg, since));
    }

    @PostMapping("/centres/{id}/people/{personId}/training")
    String training(@PathVariable long id, @PathVariable long personId, @RequestParam(required = false) String course,
                    @RequestParam(required = false) String organiser, @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate heldOn,
                    RedirectAttributes r) {
        return act(id, r, () -> records.addTraining(CurrentUsers.require(), id, personId, course, organiser, heldOn));
    }

    @PostMapping("/centres/{id}/assets")
    String asset(@PathVariable long id, @RequestParam(required = false) String kind, @RequestParam(required = false) String item,
                 @RequestParam(required = false) Integer quantity, @RequestParam(required = false) String source,
                 @RequestParam(required = false) BigDecimal value, @RequestParam(defaultValue = "GOOD") String condition, RedirectAttributes r) {
        return act(id, r, () -> records.addAsset(CurrentUsers.require(), id, kind, item, quantity, source, value, condition));
    }

    @PostMapping("/centres/{id}/books")
    String book(@PathVariable long id, @RequestParam(required = false) String title, @RequestParam(required = false) String author,
                @RequestParam(required = false) Integer copies, RedirectAttributes r) {
        return act(id, r, () -> records.addBook(CurrentUsers.require(), id, title, author, copies));
    }

    @PostMapping("/centres/{id}/books/{bookId}/lend")
    String lend(@PathVariable long id, @PathVariable long bookId, @RequestParam(required = false) String borrower,
                @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate outOn, RedirectAttributes r) {
        return act(id, r, () -> records.lend(CurrentUsers.require(), id, bookId, borrower, outOn));
    }

    @PostMapping("/centres/{id}/loans/{loanId}/return")
    String giveBack(@PathVariable long id, @PathVariable long loanId, @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate backOn,
                    RedirectAttributes r) {
        return act(id, r, () -> records.giveBack(CurrentUsers.require(), id, loanId, backOn));
    }

    @PostMapping("/centres/{id}/partners")
    String partner(@PathVariable long id, @RequestParam(required = false) String name, @RequestParam(required = false) String kind,
                   RedirectAttributes r) {
        return act(id, r, () -> records.addPartner(CurrentUsers.require(), id, name, kind));
    }

    @PostMapping("/centres/{id}/clubs")
    String club(@PathVariable long id, @RequestParam(required = false) String name, @RequestParam(required = false) String field,
                @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate foundedOn, RedirectAttributes r) {
        return act(id, r, () -> records.addClub(CurrentUsers.require(), id, name, field, foundedOn));
    }

    @PostMapping("/centres/{id}/clubs/{clubId}/members")
    String member(@PathVariable long id, @PathVariable long clubId, @RequestParam(required = false) String fullName,
                  @RequestParam(required = false) String sex, @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate joinedOn,
                  RedirectAttributes r) {
        return act(id, r, () -> records.addClubMember(CurrentUsers.require(), id, clubId, fullName, sex, joinedOn));
    }

    private String act(long id, RedirectAttributes r, Runnable action) {
        try {
            action.run();
            r.addFlashAttribute("ok", messages.getMessage("record.saved", null, LocaleContextHolder.getLocale()));
        } catch (InvalidInputProblem e) {
            r.addFlashAttribute("error", String.join(" ", FormErrors.of(e, messages).values()));
        }
        return "redirect:/centres/" + id + "/record";
    }
}
