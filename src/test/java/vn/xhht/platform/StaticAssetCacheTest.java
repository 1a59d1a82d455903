package vn.xhht.platform;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.xhht.support.Http;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A phone's repeat visit downloads only the page: every style and script a page links carries a content hash in its
 * address and is sent with a year-long Cache-Control, and pages are compressed.
 */
@XhhtIntegrationTest
class StaticAssetCacheTest {

    static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/(?:css|js|webjars)/[^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void stylesAndScriptsHaveVersionedAddressesAndAreCachedForAYear() {
        Http h = Http.anonymous(port);
        String page = h.get("/login").body();
        List<String> assets = new ArrayList<>();
        Matcher m = ASSET.matcher(page);
        while (m.find()) {
            assets.add(m.group(1));
        }
        assertThat(assets).as("styles and scripts of the sign-in page").hasSizeGreaterThanOrEqualTo(3);
        for (String a : assets) {
            // our files carry a hash of their content, a library its version number
            assertThat(a).as("address with a content hash or a library version").matches("(.*-[0-9a-f]{32}\\.(css|js)|/webjars/[^/]+/\\d[^/]*/.*)$");
            HttpResponse<byte[]> r = h.getBytes(a);
            assertThat(r.statusCode()).as(a).isEqualTo(200);
            assertThat(r.headers().firstValue("Cache-Control").orElse("")).as(a).contains("max-age=31536000");
        }
        // a release that changes a file changes its address: the old hash is not served as the new file
        assertThat(h.getBytes("/css/app-00000000000000000000000000000000.css").statusCode()).isEqualTo(404);
    }

    @Test
    void pagesAndScriptsAreCompressedForAClientThatAcceptsIt() {
        Http h = Http.anonymous(port);
        var page = h.send(h.request("/login").header("Accept-Encoding", "gzip").GET().build());
        assertThat(page.headers().firstValue("Content-Encoding")).as("the sign-in page").contains("gzip");
        String css = ASSET.matcher(h.get("/login").body()).results().map(r -> r.group(1)).filter(x -> x.endsWith(".css")).findFirst().orElseThrow();
        var style = h.send(h.request(css).header("Accept-Encoding", "gzip").GET().build());
        assertThat(style.headers().firstValue("Content-Encoding")).as(css).contains("gzip");
    }
}
