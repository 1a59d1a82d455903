package vn.xhht.dashboard;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.xhht.calendar.WorkingDays;
import vn.xhht.centre.CentreRegistry;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.plan.PlanService;
import vn.xhht.platform.HomeAlert;
import vn.xhht.platform.HomeAlertSource;
import vn.xhht.platform.HomeTask;
import vn.xhht.platform.HomeTaskSource;
import vn.xhht.platform.NavItem;
import vn.xhht.platform.Navigation;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.Role;
import vn.xhht.shared.VietnamClock;

/**
 * The home of each role says what to do: what waits for this user (from every module's {@link HomeTaskSource} and
 * {@link HomeAlertSource}), a few key figures against target and last year with one chart, then the modules in the
 * order that role uses them. Every message is resolved here, key and arguments together, so the template only
 * prints text.
 */
@Controller
class HomeController {
    private static final Logger log = LoggerFactory.getLogger(HomeController.class);
    static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Modules each role uses most, first; the others follow in navigation order. */
    static final Map<Role, List<String>> FIRST = Map.of(
            Role.COMMUNE_OFFICER, List.of("/centres/mine", "/plans", "/reports", "/literacy", "/evaluations", "/activities/summary"),
            Role.PROVINCE_OFFICER, List.of("/plans/board", "/reports/board", "/reports", "/evaluations", "/activities/summary",
                    "/reports/dashboard", "/centres", "/literacy"),
            Role.DISTRICT_OFFICER, List.of("/activities/summary", "/centres", "/reports", "/plans/board", "/literacy", "/evaluations"),
            Role.ASSOCIATION_EVALUATOR, List.of("/evaluations", "/activities/summary", "/reports/dashboard", "/centres", "/literacy"),
            Role.SYSTEM_ADMIN, List.of("/admin/users", "/units", "/calendar", "/evaluations", "/reports/dashboard", "/admin/audit"));

    /** One line of the to-do list: text, where to act, the deadline in words, whether it is late. */
    record Todo(String text, String href, String due, boolean overdue) {
    }

    private final OrgUnitDirectory units;
    private final PlanService plans;
    private final Navigation navigation;
    private final List<HomeAlertSource> alertSources;
    private final List<HomeTaskSource> taskSources;
    private final MessageSource messages;
    private final WorkingDays workingDays;
    private final HomeFigures figures;
    private final CentreRegistry centres;
    private final VietnamClock clock;

    HomeController(OrgUnitDirectory units, PlanService plans, Navigation navigation, List<HomeAlertSource> alertSources,
                   List<HomeTaskSource> taskSources, MessageSource messages, WorkingDays workingDays, HomeFigures figures,
                   CentreRegistry centres, VietnamClock clock) {
        this.units = units;
        this.plans = plans;
        this.navigation = navigation;
        this.alertSources = alertSources;
        this.taskSources = taskSources;
        this.messages = messages;
        this.workingDays = workingDays;
        this.figures = figures;
        this.centres = centres;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model, Locale locale) {
        // a visitor without an account lands on the public portal (issue 16); signing in is a button in its header
        if (CurrentUsers.find().isEmpty()) {
            return "forward:/public";
        }
        CurrentUser user = CurrentUsers.require();
        LocalDate today = clock.today();
        OrgUnit unit = units.find(user.unitId()).orElse(null);
        boolean closed = unit != null && unit.validTo() != null && unit.validTo().isBefore(today);
        model.addAttribute("roleKey", user.role().labelKey());
        model.addAttribute("myUnit", unit);
        model.addAttribute("todos", todos(user, today, locale));
        if (user.role() == Role.COMMUNE_OFFICER && !closed) {
            centres.ofCommune(user.unitId()).ifPresent(c -> model.addAttribute("recordHref", "/centres/" + c.id() + "/activities/new"));
        }
        model.addAttribute("evaluationFirst", user.role() == Role.ASSOCIATION_EVALUATOR);
        if (unit != null) {
            LocalDate to = closed ? unit.validTo() : today;
            model.addAttribute("figures", figures.of(unit.id(), unit.provinceId(), to));
            model.addAttribute("figuresClosed", closed);
        }
        model.addAttribute("tiles", tiles(user));
        model.addAttribute("tasks", plans.tasksFor(user, today.withDayOfMonth(1), today.plusMonths(1).withDayOfMonth(1)));
        return "home";
    }

    private List<Todo> todos(CurrentUser user, LocalDate today, Locale locale) {
        List<HomeTask> tasks = new ArrayList<>();
        for (HomeTaskSource source : taskSources) {
            tasks.addAll(source.tasksFor(user, today));
        }
        List<String> areaOrder = user.role() == Role.ASSOCIATION_EVALUATOR
                ? List.of("EVALUATION", "PLAN", "REPORT", "OTHER") : List.of("PLAN", "REPORT", "EVALUATION", "OTHER");
        tasks.sort(Comparator.<HomeTask>comparingInt(t -> t.dueDate() != null && t.dueDate().isBefore(today) ? 0 : 1)
                .thenComparingInt(t -> areaOrder.indexOf(t.area().name()))
                .thenComparing(HomeTask::dueDate, Comparator.nullsLast(Comparator.naturalOrder())));
        List<Todo> out = new ArrayList<>();
        Set<String> hrefs = new HashSet<>();
        for (HomeTask t : tasks) {
            hrefs.add(t.href());
            out.add(new Todo(text(t, locale), t.href(), due(t.dueDate(), today, locale), t.dueDate() != null && t.dueDate().isBefore(today)));
        }
        List<HomeAlert> alerts = new ArrayList<>();
        for (HomeAlertSource source : alertSources) {
            alerts.addAll(source.alertsFor(user, today));
        }
        alerts.sort(Comparator.comparing(HomeAlert::severity).reversed());
        for (HomeAlert a : alerts) {
            // a step already listed as a task (same page) is not repeated as an alert
            if (a.href() == null || hrefs.add(a.href())) {
                out.add(new Todo(text(a, locale), a.href(), null, a.severity() == HomeAlert.Severity.OVERDUE));
            }
        }
        return out;
    }

    private String due(LocalDate due, LocalDate today, Locale locale) {
        if (due == null) {
            return null;
        }
        int days = workingDays.between(today, due);
        String date = due.format(DMY);
        if (due.isBefore(today)) {
            return messages.getMessage("home.todo.overdue", new Object[]{Math.max(1, -days), date}, locale);
        }
        return due.equals(today) ? messages.getMessage("home.todo.dueToday", new Object[]{date}, locale)
                : messages.getMessage("home.todo.due", new Object[]{days, date}, locale);
    }

    /** The message with all its arguments; a key no bundle has is logged and shown as a neutral line, never as code. */
    private String text(MessageSourceResolvable m, Locale locale) {
        try {
            return messages.getMessage(m, locale);
        } catch (NoSuchMessageException e) {
            log.error("Home message without text: {}", String.join(",", m.getCodes()));
            return messages.getMessage("home.alerts", null, locale);
        }
    }

    private List<NavItem> tiles(CurrentUser user) {
        List<NavItem> all = navigation.forUser(user).stream().skip(1).toList();
        List<String> first = FIRST.getOrDefault(user.role(), List.of());
        List<NavItem> out = new ArrayList<>();
        for (String href : first) {
            all.stream().filter(i -> i.href().equals(href)).findFirst().ifPresent(out::add);
        }
        all.stream().filter(i -> !out.contains(i)).forEach(out::add);
        return out;
    }
}
