package vn.xhht.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import vn.xhht.support.XhhtIntegrationTest;

/**
 * Benchmark, not a test (its name matches neither surefire's nor failsafe's patterns; run it with
 * {@code bench/page-weight/run.sh}): the bytes a 360-px phone receives for the commune home and the activity form,
 * on a first visit (empty cache) and on a repeat visit (same browser). Counted by Chromium itself
 * (Network.loadingFinished.encodedDataLength: headers and compressed body, 0 for a file taken from the cache).
 */
@XhhtIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageWeightBench extends BrowserTest {

    record Visit(long bytes, int requests, int fromNetwork) {
    }

    @Test
    void printTheTransferredSizes() {
        // the session is made in one context, the measures in fresh ones that hold its cookies but an empty cache
        BrowserContext login = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setLocale("vi-VN"));
        Page p = login.newPage();
        signIn(p, "xa.canyen");
        p.navigate(url("/"));
        String form = p.locator("main a[href*='/activities/new']").first().getAttribute("href");
        String state = login.storageState();
        login.close();

        List<String> out = new ArrayList<>();
        for (String path : List.of("/", form)) {
            BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setLocale("vi-VN")
                    .setStorageState(state));
            Page page = ctx.newPage();
            Visit first = visit(page, path);
            Visit repeat = visit(page, path);
            out.add(String.format("%-40s first visit %7.1f KB (%d requests)   repeat visit %7.1f KB (%d of %d requests over the network)",
                    path.equals("/") ? "commune home (/)" : "activity form (" + path + ")", first.bytes() / 1024.0, first.requests(),
                    repeat.bytes() / 1024.0, repeat.fromNetwork(), repeat.requests()));
            ctx.close();
        }
        System.out.println("page-weight (xa.canyen, Chromium 360 × 740):");
        out.forEach(l -> System.out.println("page-weight: " + l));
    }

    /** Navigates (as following a link, not a reload) and sums what came over the network until the page settled. */
    Visit visit(Page page, String path) {
        CDPSession cdp = page.context().newCDPSession(page);
        AtomicLong bytes = new AtomicLong();
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger network = new java.util.concurrent.atomic.AtomicInteger();
        cdp.on("Network.loadingFinished", e -> {
            long n = (long) e.get("encodedDataLength").getAsDouble();
            requests.incrementAndGet();
            bytes.addAndGet(n);
            if (n > 0) {
                network.incrementAndGet();
            }
        });
        cdp.send("Network.enable", new JsonObject());
        page.navigate(url(path));
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        cdp.detach();
        return new Visit(bytes.get(), requests.get(), network.get());
    }
}
