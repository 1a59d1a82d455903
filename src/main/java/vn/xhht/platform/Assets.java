package vn.xhht.platform;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Versioned addresses of the static files: {@code @{/js/app.js}} in a template becomes {@code /js/app-<hash>.js}, so a
 * phone keeps the file for a year (Cache-Control set in application.properties) and asks again only after a release
 * changed it. Unlike Boot's ResourceUrlEncodingFilter (switched off in {@link WebConfig}), only addresses under the
 * static folders are looked up, once each: the other links of a page (a tree has hundreds) cost nothing.
 */
@Component
class Assets extends OncePerRequestFilter {

    static final List<String> PREFIXES = List.of("/css/", "/js/", "/webjars/");

    private final ResourceUrlProvider provider;
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    Assets(@Qualifier("mvcResourceUrlProvider") ResourceUrlProvider provider) {
        this.provider = provider;
    }

    String url(String path) {
        if (PREFIXES.stream().noneMatch(path::startsWith) || path.contains("?")) {
            return path;
        }
        return urls.computeIfAbsent(path, p -> {
            String versioned = provider.getForLookupPath(p);
            return versioned == null ? p : versioned;
        });
    }

    /** Error pages use the same layout and the same addresses. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String context = request.getContextPath();
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public String encodeURL(String url) {
                if (url.startsWith(context + "/")) {
                    String path = url.substring(context.length());
                    String versioned = url(path);
                    if (!versioned.equals(path)) {
                        return super.encodeURL(context + versioned);
                    }
                }
                return super.encodeURL(url);
            }
        });
    }
}
