package vn.xhht.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Playwright driving Debian's Chromium (never a downloaded browser: the machine is offline).
 * Override the executable with -Dxhht.chromium=/path or the CHROMIUM env variable.
 */
final class BrowserSupport {
    private BrowserSupport() {
    }

    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser launch(Playwright playwright) {
        String exe = System.getProperty("xhht.chromium", System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(Path.of(exe))) {
            throw new IllegalStateException("Chromium not found at " + exe + ": install Debian's chromium (see .ci/run)");
        }
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(exe))
                .setHeadless(true)
                .setChromiumSandbox(false)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }
}
