package vn.xhht.centre;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.platform.FormErrors;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.VietnamClock;

/** The centre's learning-needs page: survey rounds, staff entries and the summary by topic and hamlet. */
@Controller
class CentreNeedsController {

    private final LearningNeeds needs;
    private final CentreRegistry centres;
    private final ReferenceLists lists;
    private final OrgUnitDirectory units;
    private final MessageSource messages;
    private final VietnamClock clock;

    CentreNeedsController(LearningNeeds needs, CentreRegistry centres, ReferenceLists lists, OrgUnitDirectory units, MessageSource messages, VietnamClock clock) {
        this.needs = needs;
        this.centres = centres;
        this.lists = lists;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/centres/{id}/needs")
    String page(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        Centre c = centres.require(user, id);
        model.addAttribute("centre", c);
        var rounds = needs.rounds(user, id);
        model.addAttribute("rounds", rounds);
        // guidance (seed 003 §3): survey learning needs at least once a quarter
        LocalDate quarterStart = clock.today().with(java.time.temporal.IsoFields.DAY_OF_QUARTER, 1);
        model.addAttribute("noRoundThisQuarter", rounds.stream().noneMatch(r -> !r.heldOn().isBefore(quarterStart)));
        model.addAttribute("summary", needs.summary(user, id));
        model.addAttribute("canEdit", centres.canEdit(user, c));
        model.addAttribute("recent", centres.canEdit(user, c) ? needs.recent(user, id, 50) : List.of());
        Map<String, String> topicNames = new java.util.LinkedHashMap<>();
        lists.topics(LocaleContextHolder.getLocale()).forEach(t -> topicNames.put(t.code(), t.name()));
        model.addAttribute("topicNames", topicNames);
        model.addAttribute("topics", lists.topics(LocaleContextHolder.getLocale()));
        model.addAttribute("channels", LearningNeeds.Channel.values());
        model.addAttribute("ageGroups", LearningNeeds.AgeGroup.values());
        model.addAttribute("hamlets", units.search(user, clock.today(), OrgUnit.HAMLET, c.communeId(), null, 500));
        model.addAttribute("today", clock.today());
        return "centres/needs";
    }

    @PostMapping("/centres/{id}/needs/rounds")
    String round(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
                 @RequestParam(required = false) String channel, @RequestParam(required = false) String note, RedirectAttributes r) {
        try {
            needs.openRound(CurrentUsers.require(), id, heldOn, channel, note);
            r.addFlashAttribute("ok", messages.getMessage("need.round.saved", null, LocaleContextHolder.getLocale()));
        } catch (InvalidInputProblem e) {
            r.addFlashAttribute("error", FormErrors.of(e, messages).values().iterator().next());
        }
        return "redirect:/centres/" + id + "/needs";
    }

    @PostMapping("/centres/{id}/needs")
    String need(@PathVariable long id, @RequestParam(required = false) String topic, @RequestParam(required = false) String detail,
                @RequestParam(required = false) String ageGroup, @RequestParam(required = false) String sex,
                @RequestParam(required = false) Long hamletId, @RequestParam(required = false) Long roundId, RedirectAttributes r) {
        try {
            needs.record(CurrentUsers.require(), id, new LearningNeeds.Need(id, topic, detail, ageGroup, sex, hamletId, null, roundId));
            r.addFlashAttribute("ok", messages.getMessage("need.saved", null, LocaleContextHolder.getLocale()));
        } catch (InvalidInputProblem e) {
            r.addFlashAttribute("error", FormErrors.of(e, messages).values().iterator().next());
        }
        return "redirect:/centres/" + id + "/needs";
    }
}
