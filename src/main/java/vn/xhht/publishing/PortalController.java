package vn.xhht.publishing;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import vn.xhht.document.Downloads;
import vn.xhht.evidence.EvidenceStore;
import vn.xhht.shared.NotFoundProblem;

/**
 * The public portal (no login): the home residents land on at {@code /}, a centre's page and its printable schedule
 * board, what offices published, and the sitemap. Shows only public information: names and roles of a centre's
 * board, never a resident's phone, age or name.
 */
@Controller
class PortalController {

    private final Portal portal;
    private final Publishing publishing;
    private final EvidenceStore evidence;

    PortalController(Portal portal, Publishing publishing, EvidenceStore evidence) {
        this.portal = portal;
        this.publishing = publishing;
        this.evidence = evidence;
    }

    /** Remembers the province a visitor chose, without login, so the next visit opens on it. */
    static final String PROVINCE_COOKIE = "xhht_tinh";

    @GetMapping("/public")
    String home(@RequestParam(required = false) String provinceId, Model model, HttpServletRequest request, HttpServletResponse response) {
        Long chosen = provinceId != null ? number(provinceId) : remembered(request);
        Portal.Home home = portal.home(chosen);
        if (provinceId != null) {
            // a choice of "no province" (blank) forgets the remembered one; an unknown id is not remembered
            ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(PROVINCE_COOKIE, home.province() == null ? "" : String.valueOf(home.province().id()))
                    .path("/").httpOnly(true).sameSite("Lax").secure(request.isSecure())
                    .maxAge(home.province() == null ? Duration.ZERO : Duration.ofDays(365));
            response.addHeader(HttpHeaders.SET_COOKIE, cookie.build().toString());
        }
        model.addAttribute("home", home);
        og(model, request, "/", null);
        return "public/home";
    }

    private static Long remembered(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        return java.util.Arrays.stream(request.getCookies()).filter(c -> PROVINCE_COOKIE.equals(c.getName())).findFirst()
                .map(c -> number(c.getValue())).orElse(null);
    }

    private static Long number(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @GetMapping("/public/centres/{id}")
    String centre(@PathVariable long id, Model model, HttpServletRequest request) {
        Portal.CentrePage page = portal.centre(id);
        model.addAttribute("page", page);
        model.addAttribute("centre", page.centre());
        og(model, request, "/public/centres/" + id, page.recent().stream().flatMap(a -> a.photoIds().stream()).findFirst()
                .map(f -> "/public/photos/" + f).orElse(null));
        model.addAttribute("ogTitle", page.centre().name());
        return "public/board";
    }

    /** The schedule for the centre's notice board, laid out for one A4 sheet. */
    @GetMapping("/public/centres/{id}/schedule")
    String schedule(@PathVariable long id, Model model) {
        model.addAttribute("centre", portal.centreOnly(id));
        model.addAttribute("upcoming", portal.upcoming(id));
        return "public/schedule";
    }

    @GetMapping("/public/news")
    String news(@RequestParam(required = false) String kind, @RequestParam(required = false) Long unitId, Model model, HttpServletRequest request) {
        Publishing.Kind k = java.util.Arrays.stream(Publishing.Kind.values()).filter(v -> v.name().equals(kind)).findFirst().orElse(null);
        model.addAttribute("kind", k);
        model.addAttribute("kinds", Publishing.Kind.values());
        model.addAttribute("items", publishing.published(unitId, k, 100));
        og(model, request, "/public/news", null);
        return "public/news";
    }

    @GetMapping("/public/news/{id}")
    String newsItem(@PathVariable long id, Model model, HttpServletRequest request) {
        Publishing.Item item = publishing.publishedItem(id);
        model.addAttribute("item", item);
        og(model, request, "/public/news/" + id, item.photoIds().isEmpty() ? null : "/public/news/photos/" + item.photoIds().get(0));
        model.addAttribute("ogTitle", item.title());
        model.addAttribute("ogDescription", item.summary());
        return "public/news-item";
    }

    /** A photo of a published item: thumbnail unless {@code size=full}; gone as soon as the item is withdrawn. */
    @GetMapping("/public/news/photos/{id}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @RequestParam(required = false) String size) {
        EvidenceStore.Content c = publishing.publishedPhoto(id).orElseThrow(() -> new NotFoundProblem("publishing.notFound", id));
        EvidenceStore.Content out = "full".equals(size) ? c : evidence.thumbnail(c, 480);
        return ResponseEntity.ok().headers(Downloads.inline(out.file().contentType(), out.file().fileName()))
                .cacheControl(CacheControl.noCache()).body(out.data());
    }

    @GetMapping(value = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
    @ResponseBody
    String sitemap(HttpServletRequest request) {
        return portal.sitemap(base(request));
    }

    private static void og(Model model, HttpServletRequest request, String path, String image) {
        String base = base(request);
        model.addAttribute("ogUrl", base + path);
        model.addAttribute("ogImage", image == null ? null : base + image);
    }

    private static String base(HttpServletRequest request) {
        return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }
}
