package vn.xhht.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class XhhtUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;

    XhhtUserDetailsService(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) throws UsernameNotFoundException {
        if (username == null || username.isBlank() || username.length() > 64) {
            throw new UsernameNotFoundException("unknown");
        }
        return accounts.principal(username.strip()).orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }
}
