package vn.xhht.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The address of the client, the one thing rate limits, login throttling and the audit trail key on. Forwarded
 * headers ({@code X-Forwarded-For}, {@code -Proto}, {@code -Host}, {@code Forwarded}) are believed only when the
 * connection comes from a configured proxy ({@code xhht.trusted-proxies}, addresses or CIDR ranges, default
 * none); from anyone else they are removed, so a client cannot pick its own address or claim HTTPS.
 * Behind trusted proxies the client is the right-most address of X-Forwarded-For that is not itself a trusted
 * proxy: entries further left were written by the client and prove nothing.
 * After this filter {@code request.getRemoteAddr()} is the client's address everywhere.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.modulith.NamedInterface("api")
public class ClientAddress {

    private final List<Cidr> trusted;

    public ClientAddress(@Value("${xhht.trusted-proxies:}") String trustedProxies) {
        List<Cidr> list = new ArrayList<>();
        for (String s : trustedProxies.split("[,\\s]+")) {
            if (!s.isBlank()) {
                list.add(Cidr.parse(s.strip()));
            }
        }
        this.trusted = List.copyOf(list);
    }

    /** The client address of the request being served, or null outside a request (jobs, start-up). */
    public static String current() {
        RequestAttributes attrs = RequestContextHolder.getRequestAttributes();
        if (attrs instanceof ServletRequestAttributes sra) {
            return sra.getRequest().getRemoteAddr();
        }
        return null;
    }

    /** The client address of a request (after the filter below, the remote address). */
    public static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    boolean isTrusted(String address) {
        if (address == null || trusted.isEmpty()) {
            return false;
        }
        byte[] bytes = Cidr.literal(address);
        return bytes != null && trusted.stream().anyMatch(c -> c.contains(bytes));
    }

    /** The client behind the chain of trusted proxies, given the direct peer and the X-Forwarded-For values. */
    public String resolve(String peer, List<String> forwardedFor) {
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String part : header.split(",")) {
                if (!part.isBlank()) {
                    hops.add(part.strip());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (Cidr.literal(hop) == null) {
                // garbage in the header: the last trusted hop is all we know
                return i == hops.size() - 1 ? peer : hops.get(i + 1);
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return hops.isEmpty() ? peer : hops.get(0);
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> clientAddressFilter() {
        ForwardedHeaderFilter honour = new ForwardedHeaderFilter();
        ForwardedHeaderFilter strip = new ForwardedHeaderFilter();
        strip.setRemoveOnly(true);
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String peer = request.getRemoteAddr();
                if (!isTrusted(peer)) {
                    strip.doFilter(request, response, chain);
                    return;
                }
                String client = resolve(peer, java.util.Collections.list(request.getHeaders("X-Forwarded-For")));
                honour.doFilter(request, response, (req, res) -> chain.doFilter(
                        new HttpServletRequestWrapper((HttpServletRequest) req) {
                            @Override
                            public String getRemoteAddr() {
                                return client;
                            }

                            @Override
                            public String getRemoteHost() {
                                return client;
                            }
                        }, res));
            }

            @Override
            protected boolean shouldNotFilterAsyncDispatch() {
                return false;
            }

            @Override
            protected boolean shouldNotFilterErrorDispatch() {
                return false;
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ASYNC,
                jakarta.servlet.DispatcherType.ERROR);
        return registration;
    }

    /** An address range; a single address is a range of its full length. */
    record Cidr(byte[] network, int bits) {

        static Cidr parse(String s) {
            int slash = s.indexOf('/');
            byte[] addr = literal(slash < 0 ? s : s.substring(0, slash));
            if (addr == null) {
                throw new IllegalArgumentException("xhht.trusted-proxies: not an IP address or CIDR range: " + s);
            }
            int bits = slash < 0 ? addr.length * 8 : Integer.parseInt(s.substring(slash + 1));
            if (bits < 0 || bits > addr.length * 8) {
                throw new IllegalArgumentException("xhht.trusted-proxies: bad prefix length in " + s);
            }
            return new Cidr(addr, bits);
        }

        /** The bytes of an IP literal, or null for anything else (never a DNS lookup). */
        static byte[] literal(String s) {
            if (s == null || s.isEmpty() || s.length() > 45 || !s.matches("[0-9a-fA-F:.]+(%[0-9a-zA-Z]+)?")) {
                return null;
            }
            if (s.indexOf(':') < 0 && !s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                return null;
            }
            try {
                byte[] b = InetAddress.getByName(s).getAddress();
                // an IPv4-mapped IPv6 address is its IPv4 address
                if (b.length == 16 && Arrays.equals(Arrays.copyOf(b, 12), new byte[]{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1})) {
                    return Arrays.copyOfRange(b, 12, 16);
                }
                return b;
            } catch (UnknownHostException e) {
                return null;
            }
        }

        boolean contains(byte[] addr) {
            if (addr.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (addr[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (addr[full] & mask) == (network[full] & mask);
        }
    }
}
