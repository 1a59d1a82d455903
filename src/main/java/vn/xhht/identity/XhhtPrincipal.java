package vn.xhht.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Role;

/** The signed-in user, kept in the (database-backed) session, hence serializable and small. */
public record XhhtPrincipal(long userId, String username, String fullName, Role role, long unitId,
                     String passwordHash, boolean enabled, boolean locked, boolean mustChangePassword,
                     boolean literacyAccess)
        implements UserDetails, CurrentUser, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** The same principal without the hash, for the session (credentials are erased after login). */
    XhhtPrincipal withoutPassword() {
        return new XhhtPrincipal(userId, username, fullName, role, unitId, "", enabled, locked, mustChangePassword, literacyAccess);
    }

    XhhtPrincipal withPasswordChanged() {
        return new XhhtPrincipal(userId, username, fullName, role, unitId, "", enabled, locked, false, literacyAccess);
    }

    @Override
    public String toString() {
        return "XhhtPrincipal[" + username + ", " + role + ", unit " + unitId + "]";
    }
}
