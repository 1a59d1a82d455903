package vn.xhht.identity;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may know about accounts: the e-mail addresses of a unit's enabled accounts (for reminders). */
@Service
@Transactional(readOnly = true)
@org.springframework.modulith.NamedInterface("api")
public class AccountDirectory {

    private final JdbcClient jdbc;

    AccountDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The addresses of the enabled accounts of exactly this unit that have one. */
    public List<String> emailsOf(long unitId) {
        return jdbc.sql("select email from app_user where unit_id = :u and enabled and email is not null and email <> ''")
                .param("u", unitId).query(String.class).list();
    }
}
