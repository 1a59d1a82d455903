package vn.xhht.backup;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Role;

/** Backups hold the whole country's data: only an administrator whose unit is the nation handles them. */
@Component
class BackupAccess {

    private final JdbcClient jdbc;

    BackupAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean allowed(CurrentUser user) {
        return user.role() == Role.SYSTEM_ADMIN && jdbc.sql("select level = 0 from xhht_unit where id = :u")
                .param("u", user.unitId()).query(Boolean.class).optional().orElse(false);
    }

    CurrentUser require(CurrentUser user) {
        if (!allowed(user)) {
            throw new AccessDeniedProblem("backup.nationalOnly");
        }
        return user;
    }
}
