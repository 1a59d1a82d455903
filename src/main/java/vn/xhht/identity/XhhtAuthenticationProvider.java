package vn.xhht.identity;

import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Password login whose resulting principal carries no password hash (it is stored in the session table). */
@Component
class XhhtAuthenticationProvider extends DaoAuthenticationProvider {

    XhhtAuthenticationProvider(XhhtUserDetailsService users, PasswordEncoder encoder) {
        super(users);
        setPasswordEncoder(encoder);
    }

    @Override
    protected Authentication createSuccessAuthentication(Object principal, Authentication authentication, UserDetails user) {
        return super.createSuccessAuthentication(((XhhtPrincipal) user).withoutPassword(), authentication, user);
    }
}
