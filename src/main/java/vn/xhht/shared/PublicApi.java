package vn.xhht.shared;

import org.springframework.util.AntPathMatcher;

/**
 * The API operations open without an account. The security configuration and the OpenAPI document both read
 * these rules, so the contract cannot say "no login needed" for an operation the server protects (or the reverse).
 */
public final class PublicApi {

    /** residents' learning needs: any method */
    public static final String PUBLIC = "/api/v1/public/**";
    /** working-day arithmetic holds no personal data: reading only */
    public static final String WORKING_DAYS = "/api/v1/working-days/**";

    private static final AntPathMatcher MATCHER = new AntPathMatcher();

    private PublicApi() {
    }

    public static boolean isOpen(String method, String path) {
        return MATCHER.match(PUBLIC, path) || "GET".equalsIgnoreCase(method) && MATCHER.match(WORKING_DAYS, path);
    }
}
