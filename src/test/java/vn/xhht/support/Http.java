package vn.xhht.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A small HTTP client for tests: HTTP Basic calls, or a browser-like session with cookies and CSRF. */
public final class Http {

    private final String base;
    private final HttpClient client;
    private String basic;

    private Http(String base, HttpClient client) {
        this.base = base;
        this.client = client;
    }

    public static Http anonymous(int port) {
        return new Http("http://localhost:" + port, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
    }

    public static Http basic(int port, String user, String password) {
        Http h = anonymous(port);
        h.basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return h;
    }

    /** A cookie session against one base URL (the cookie manager can be shared with another instance). */
    public static Http session(int port, CookieManager cookies) {
        return new Http("http://localhost:" + port, HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (basic != null) {
            b.header("Authorization", basic);
        }
        return b;
    }

    /** Form login through the login page (CSRF token included); returns the redirect location. */
    public String login(String user, String password) {
        String token = csrfToken("/login");
        HttpResponse<String> r = postForm("/login", Map.of("username", user, "password", password, "_csrf", token));
        return r.headers().firstValue("Location").orElse("");
    }

    /** The CSRF token of a page's first form. */
    public String csrfToken(String page) {
        String html = get(page).body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + page);
        }
        return m.group(1);
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
