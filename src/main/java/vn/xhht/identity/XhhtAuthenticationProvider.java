package vn.xhht.identity;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import vn.xhht.platform.ClientAddress;

/**
 * Password login whose resulting principal carries no password hash (it is stored in the session table).
 * A name locked for the caller's address is refused before its password is looked at, after hashing the
 * presented password once anyway, so that a locked name, an unknown name and a wrong password take the same time.
 */
@Component
class XhhtAuthenticationProvider extends DaoAuthenticationProvider {

    private final LoginThrottle throttle;
    private final PasswordEncoder encoder;
    private volatile String dummyHash;

    XhhtAuthenticationProvider(XhhtUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        super(users);
        setPasswordEncoder(encoder);
        this.encoder = encoder;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (throttle.blocked(authentication.getName(), ClientAddress.current())) {
            Object credentials = authentication.getCredentials();
            encoder.matches(credentials == null ? "" : credentials.toString(), dummyHash());
            throw new LockedException("locked");
        }
        return super.authenticate(authentication);
    }

    private String dummyHash() {
        String h = dummyHash;
        if (h == null) {
            h = encoder.encode("xhht-dummy-password-for-timing");
            dummyHash = h;
        }
        return h;
    }

    @Override
    protected Authentication createSuccessAuthentication(Object principal, Authentication authentication, UserDetails user) {
        return super.createSuccessAuthentication(((XhhtPrincipal) user).withoutPassword(), authentication, user);
    }
}
