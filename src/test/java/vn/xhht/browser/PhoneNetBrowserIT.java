package vn.xhht.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import vn.xhht.support.Routes;
import vn.xhht.support.StateFixture;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phone net: in Chromium at 360 × 740, one page of every HTML route pattern, seen by the first role that may open it (ids from the
 * {@link StateFixture}): no horizontal overflow, and no serious or critical accessibility violation found by
 * axe-core. All failures are reported together.
 */
@XhhtIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneNetBrowserIT extends BrowserTest {

    static final List<String> ROLES = List.of("admin", "so.caobang", "pgd.haquang", "xa.canyen", "hkh.caobang", "anonymous");

    @Autowired
    ApplicationContext ctx;

    /**
     * The same rule sets as before; axe is asked for violations only (it then skips collecting every passing
     * element, most of its time on a long page), which changes nothing in what is found.
     */
    static final com.deque.html.axecore.args.AxeRunOptions AXE_OPTIONS = new com.deque.html.axecore.args.AxeRunOptions();

    static {
        var only = new com.deque.html.axecore.args.AxeRunOnlyOptions();
        only.setType("tag");
        only.setValues(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"));
        AXE_OPTIONS.setRunOnly(only);
        AXE_OPTIONS.setResultTypes(List.of("violations"));
    }

    record Failure(String route, String role, String reason, String detail) {
    }

    /** Routes that answer files, JSON or htmx fragments, not pages (judged by their pattern only to save a visit). */
    static boolean notAPage(String pattern) {
        return pattern.startsWith("/api/") || pattern.startsWith("/v3/") || pattern.startsWith("/swagger") || pattern.startsWith("/actuator")
                || pattern.matches(".*\\.(xlsx|docx|pdf|csv|\\{format})$") || pattern.startsWith("/evidence/");
    }

    @Test
    void everyPageFitsAPhoneAndHasNoSeriousAccessibilityViolation() {
        StateFixture.State state = StateFixture.ensure(ctx);
        List<String> unknown = new ArrayList<>();
        List<Routes.Route> routes = Routes.resolve(ctx, state, unknown).stream().filter(r -> !notAPage(r.pattern())).toList();
        List<Failure> failures = new ArrayList<>();
        int pages = 0;
        int violations = 0;
        long navNanos = 0;
        long axeNanos = 0;
        // one signed-in phone per role, kept for the whole run
        Map<String, Page> phones = new java.util.LinkedHashMap<>();
        for (String role : ROLES) {
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setLocale("vi-VN")
                    .setBypassCSP(true));
            Page page = context.newPage();
            if (!role.equals("anonymous")) {
                signIn(page, role);
            }
            phones.put(role, page);
        }
        // one page of every route pattern: checked as the first role (in ROLES order) that may open it
        for (Routes.Route r : routes) {
            String url = r.urls().get(0);
            for (Map.Entry<String, Page> phone : phones.entrySet()) {
                String role = phone.getKey();
                Page page = phone.getValue();
                Response resp;
                long t0 = System.nanoTime();
                try {
                    resp = page.navigate(url(url));
                } catch (RuntimeException e) {
                    failures.add(new Failure(r.pattern(), role, "navigation failed", url + ": " + e.getMessage().lines().findFirst().orElse("")));
                    continue;
                }
                if (resp == null || resp.headerValue("content-type") == null || !resp.headerValue("content-type").startsWith("text/html")
                        || resp.status() >= 300 || page.url().contains("/login")) {
                    continue; // not this role's page (refused, redirected to sign-in) or not a page at all
                }
                String html = page.content();
                if (!html.contains("<body") || page.locator("main, h1").count() == 0) {
                    break; // an htmx fragment, the same for every role
                }
                pages++;
                navNanos += System.nanoTime() - t0;
                long t1 = System.nanoTime();
                boolean overflow = (Boolean) page.evaluate("() => document.scrollingElement.scrollWidth > window.innerWidth");
                if (overflow) {
                    Object w = page.evaluate("() => document.scrollingElement.scrollWidth");
                    failures.add(new Failure(r.pattern(), role, "horizontal overflow at 360 px", url + " scrollWidth " + w));
                }
                AxeResults axe = new AxeBuilder(page).setLegacyMode(true) // one axe.run per page: the pages have no frames to recurse into
                        .options(AXE_OPTIONS).analyze();
                axeNanos += System.nanoTime() - t1;
                for (Rule v : axe.getViolations()) {
                    if ("serious".equals(v.getImpact()) || "critical".equals(v.getImpact())) {
                        violations++;
                        String where = v.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList().toString();
                        Failure f = new Failure(r.pattern(), role, "axe " + v.getImpact() + " " + v.getId(),
                                url + " " + v.getNodes().size() + " element(s), e.g. " + where);
                        failures.add(f);
                        System.out.println("phone-net: " + f);
                    }
                }
                break;
            }
        }
        phones.values().forEach(p -> p.context().close());
        Map<String, Long> byReason = new TreeMap<>();
        failures.forEach(f -> byReason.merge(f.reason(), 1L, Long::sum));
        System.out.printf("phone-net: time in navigation %d s, in axe %d s%n", navNanos / 1_000_000_000, axeNanos / 1_000_000_000);
        System.out.printf("phone-net: %d route patterns, %d roles, %d pages checked, %d serious/critical axe violations, %d failures %s%n",
                routes.size(), ROLES.size(), pages, violations, failures.size(), byReason);
        StringBuilder sb = new StringBuilder();
        failures.stream().sorted((a, b) -> (a.reason() + a.route() + a.role()).compareTo(b.reason() + b.route() + b.role()))
                .forEach(f -> sb.append("\n  ").append(f.reason()).append(" | ").append(f.route()).append(" [").append(f.role()).append("] ").append(f.detail()));
        assertThat(sb.toString()).as("phone and accessibility failures").isEmpty();
    }
}
