package vn.xhht.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Role;

/** The demo accounts as CurrentUser values, read from the database. */
public final class TestUsers {
    private TestUsers() {
    }

    public record User(long userId, String username, String fullName, Role role, long unitId) implements CurrentUser {
    }

    public static User load(JdbcClient jdbc, String username) {
        return jdbc.sql("select id, username, full_name, role, unit_id from app_user where username = :u")
                .param("u", username)
                .query((rs, n) -> new User(rs.getLong("id"), rs.getString("username"), rs.getString("full_name"),
                        Role.valueOf(rs.getString("role")), rs.getLong("unit_id")))
                .single();
    }

    /** The id of the unit with this code and level valid on the date. */
    public static long unitId(JdbcClient jdbc, String code, int level, String date) {
        return jdbc.sql("""
                select id from org_unit where code = :c and level = :l
                  and (valid_from is null or valid_from <= cast(:d as date)) and (valid_to is null or valid_to >= cast(:d as date))
                """).param("c", code).param("l", level).param("d", date).query(Long.class).single();
    }
}
