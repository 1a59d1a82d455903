package vn.xhht.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import vn.xhht.support.StateFixture;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Fill everything, use the primary action, reload, everything kept" for the multi-input forms that the plan,
 * report, self-assessment and activity tests do not cover: the centre's records, the administrator's user form and
 * the residents' learning-needs form. A generic filler uses each form's own fields, so a field added later is
 * filled and checked too.
 */
@XhhtIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormsKeepEverythingBrowserIT extends BrowserTest {

    @Autowired
    ApplicationContext ctx;

    /** Fills every visible field of the form (by its own type and limits); returns what must be found again. */
    static final String FILL = """
            (sel) => {
              const form = document.querySelector(sel);
              const n = String(Date.now() % 100000);
              const out = [];
              let i = 0;
              const pad = x => String(x).padStart(2, '0');
              for (const el of form.querySelectorAll('input, select, textarea')) {
                const type = (el.getAttribute('type') || el.tagName).toLowerCase();
                if (['hidden', 'submit', 'button', 'file', 'reset', 'image', 'search'].includes(type) || el.disabled || el.readOnly
                    || el.offsetParent === null) continue;
                i++;
                const name = (el.name || el.id || '').toLowerCase();
                if (type === 'checkbox' || type === 'radio') {
                  el.checked = true;
                } else if (el.tagName === 'SELECT') {
                  const opts = [...el.options].filter(o => o.value !== '');
                  if (!opts.length) continue;
                  const o = name.includes('replace') ? null : opts[opts.length - 1];
                  if (!o) continue;
                  el.value = o.value;
                  // a chooser's option may add context after " — " (the unit's district) that the saved page leaves out
                  const t = o.textContent.trim();
                  out.push({field: el.name, alts: [t, t.split(' — ')[0].trim()]});
                } else if (type === 'number') {
                  let x = Math.max(el.min ? Number(el.min) : 0, 0) + 10 + i;
                  if (name.includes('year')) x = 2024;
                  if (el.max && x > Number(el.max)) x = Number(el.max);
                  el.value = String(x);
                  out.push({field: el.name, alts: [String(x)]});
                } else if (type === 'date') {
                  const d = new Date(Date.now() - (i + 2) * 86400000);
                  const iso = d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
                  el.value = iso;
                  out.push({field: el.name, alts: [iso, pad(d.getDate()) + '/' + pad(d.getMonth() + 1) + '/' + d.getFullYear()]});
                } else if (type === 'password') {
                  el.value = 'Luoi-Kiem-Tra-2026!' + n;
                } else if (type === 'email') {
                  el.value = 'luoi' + n + i + '@example.vn';
                  out.push({field: el.name, alts: [el.value]});
                } else {
                  let x = 'Lưới ' + n + '-' + i;
                  if (name.includes('username')) x = 'luoi.' + n;
                  if (name.includes('phone')) x = '09' + n.padStart(8, '0');
                  el.value = x;
                  out.push({field: el.name, alts: [x]});
                }
                el.dispatchEvent(new Event('input', {bubbles: true}));
                el.dispatchEvent(new Event('change', {bubbles: true}));
              }
              return out;
            }
            """;

    /** The expected values not found in the page's text nor in its fields. */
    static final String MISSING = """
            (exp) => {
              // folded sections are opened as a person would to look for what they saved
              document.querySelectorAll('details').forEach(d => d.open = true);
              const vals = [...document.querySelectorAll('input, textarea, select')]
                .map(e => e.tagName === 'SELECT' ? [...e.selectedOptions].map(o => o.textContent.trim()).join(' ') : e.value);
              const hay = document.body.innerText + '\\n' + vals.join('\\n');
              return exp.filter(x => !x.alts.some(a => hay.includes(a))).map(x => x.field + ' = ' + x.alts[0]);
            }
            """;

    /** The actions of the page's forms that have at least two fields a person fills. */
    static final String MULTI_INPUT_FORMS = """
            () => [...document.querySelectorAll('main form[method=post], form[method=post]')].filter(f =>
                [...f.querySelectorAll('input, select, textarea')].filter(e => !['hidden', 'submit', 'button', 'search']
                  .includes((e.getAttribute('type') || '').toLowerCase()) && e.offsetParent !== null).length >= 2)
              .map(f => f.getAttribute('action'))
            """;

    /** search: what a person types into the form's search-as-you-type choosers (e.g. the unit of a new user). */
    record Check(String user, String page, String verifyAt, String search) {
        Check(String user, String page, String verifyAt) {
            this(user, page, verifyAt, null);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyFieldOfTheseFormsIsKeptAfterSavingAndReloading() {
        StateFixture.State s = StateFixture.ensure(ctx);
        long centre = s.id("centre.literacyCommune");
        List<Check> checks = List.of(
                new Check("admin", "/centres/" + centre + "/record", null),
                new Check("admin", "/admin/users/new", null, "Cần Yên"),
                new Check("anonymous", "/public/centres/" + s.id("centre.canYen") + "/needs", "xa.canyen:/centres/" + s.id("centre.canYen") + "/needs"));
        List<String> failures = new ArrayList<>();
        int forms = 0;
        for (Check c : checks) {
            Page page = c.user().equals("anonymous") ? phone() : signedIn(c.user(), 360);
            page.navigate(url(c.page()));
            List<String> actions = ((List<Object>) page.evaluate(MULTI_INPUT_FORMS)).stream().map(String::valueOf).distinct().toList();
            if (actions.isEmpty()) {
                failures.add(c.page() + ": no form with two fields or more");
            }
            for (String action : actions) {
                forms++;
                page.navigate(url(c.page()));
                String sel = "form[action=\"" + action + "\"]";
                if (page.locator(sel).count() == 0) {
                    failures.add(c.page() + " " + action + ": the form is gone after the earlier saves");
                    continue;
                }
                // a form folded in a <details> section is opened as a person would before filling it
                page.evaluate("s => { for (let d = document.querySelector(s).closest('details'); d; d = d.parentElement ? d.parentElement.closest('details') : null) d.open = true; }", sel);
                if (c.search() != null) {
                    // a chooser filled from the server as one types: type, then wait for its options to arrive
                    var searches = page.locator(sel + " input[type=search][hx-get]");
                    for (int i = 0; i < searches.count(); i++) {
                        var box = searches.nth(i);
                        String target = box.getAttribute("hx-target");
                        box.fill(c.search());
                        page.waitForFunction("t => [...document.querySelectorAll(t + ' option')].some(o => o.value !== '')", target);
                    }
                }
                List<Map<String, Object>> expected = (List<Map<String, Object>>) page.evaluate(FILL, sel);
                page.locator(sel + " button[type=submit], " + sel + " button:not([type])").first().click();
                page.waitForLoadState();
                Object errors = page.evaluate("() => [...document.querySelectorAll('.invalid, #flash-error, .error')].map(e => e.id + ': ' + e.textContent.trim()).filter(t => t.length > 2)");
                if (!((List<Object>) errors).isEmpty()) {
                    failures.add(c.page() + " " + action + ": refused the filled form " + errors);
                    continue;
                }
                Page verify = page;
                if (c.verifyAt() != null) {
                    String[] v = c.verifyAt().split(":", 2);
                    verify = signedIn(v[0], 360);
                    verify.navigate(url(v[1]));
                } else {
                    page.reload();
                }
                List<Object> missing = (List<Object>) verify.evaluate(MISSING, expected);
                if (!missing.isEmpty()) {
                    failures.add(c.page() + " " + action + " → " + verify.url().replace(url(""), "") + ": not kept " + missing);
                }
                if (verify != page) {
                    verify.context().close();
                }
            }
            page.context().close();
        }
        System.out.printf("forms-net: %d forms filled, %d failures%n", forms, failures.size());
        assertThat(String.join("\n", failures)).as("forms that lost what was typed").isEmpty();
    }
}
