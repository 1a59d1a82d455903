package vn.xhht.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.xhht.shared.Role;

@Repository
class UserAccountRepository {

    private static final String SELECT = """
            select a.*, u.name as unit_name, u.code as unit_code
            from app_user a join xhht_unit u on u.id = a.unit_id
            """;

    private final JdbcClient jdbc;

    UserAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<XhhtPrincipal> principal(String username) {
        return jdbc.sql("""
                select id, username, full_name, role, unit_id, password_hash, enabled,
                       (locked_until is not null and locked_until > now()) as locked, must_change_password, literacy_access
                from app_user where username = :u
                """).param("u", username.toLowerCase())
                .query((rs, n) -> new XhhtPrincipal(rs.getLong("id"), rs.getString("username"), rs.getString("full_name"),
                        Role.valueOf(rs.getString("role")), rs.getLong("unit_id"), rs.getString("password_hash"),
                        rs.getBoolean("enabled"), rs.getBoolean("locked"), rs.getBoolean("must_change_password"),
                        rs.getBoolean("literacy_access")))
                .optional();
    }

    Optional<UserAccount> find(long id) {
        return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(UserAccountRepository::map).optional();
    }

    Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql(SELECT + " where a.username = :u").param("u", username.toLowerCase()).query(UserAccountRepository::map).optional();
    }

    /** Accounts whose unit lies in the subtree of the given unit (an administrator's area). */
    List<UserAccount> listWithin(long scopeUnitId, String query, int limit, int offset) {
        return jdbc.sql(SELECT + """
                 where u.id in (select id from xhht_unit_subtree(:scope))
                   and (:q = '' or a.username like '%' || lower(:q) || '%' or xhht_search_key(a.full_name) like '%' || xhht_search_key(:q) || '%')
                 order by a.username limit :limit offset :offset
                """).param("scope", scopeUnitId).param("q", query == null ? "" : query.trim())
                .param("limit", limit).param("offset", offset)
                .query(UserAccountRepository::map).list();
    }

    void streamWithin(long scopeUnitId, Consumer<UserAccount> sink) {
        jdbc.sql(SELECT + " where u.id in (select id from xhht_unit_subtree(:scope)) order by a.username")
                .param("scope", scopeUnitId).withFetchSize(500)
                .query((ResultSet rs) -> {
                    sink.accept(map(rs, 0));
                });
    }

    boolean exists(String username) {
        return jdbc.sql("select exists (select 1 from app_user where username = :u)").param("u", username.toLowerCase())
                .query(Boolean.class).single();
    }

    long insert(String username, String fullName, String email, String hash, Role role, long unitId,
                boolean mustChange, boolean demo) {
        return jdbc.sql("""
                insert into app_user (username, full_name, email, password_hash, role, unit_id, must_change_password, demo)
                values (:u, :n, :e, :h, :r, :unit, :m, :d) returning id
                """).param("u", username.toLowerCase()).param("n", fullName).param("e", email).param("h", hash)
                .param("r", role.name()).param("unit", unitId).param("m", mustChange).param("d", demo)
                .query(Long.class).single();
    }

    int update(long id, long version, String fullName, String email, Role role, long unitId, boolean enabled) {
        return jdbc.sql("""
                update app_user set full_name = :n, email = :e, role = :r, unit_id = :unit, enabled = :en,
                       version = version + 1, updated_at = now()
                where id = :id and version = :v
                """).param("n", fullName).param("e", email).param("r", role.name()).param("unit", unitId)
                .param("en", enabled).param("id", id).param("v", version).update();
    }

    /** Grants or withdraws the literacy permission (person-level data of the literacy register). */
    int setLiteracyAccess(long id, boolean access) {
        return jdbc.sql("update app_user set literacy_access = :a, updated_at = now() where id = :id")
                .param("a", access).param("id", id).update();
    }

    boolean literacyAccess(long id) {
        return jdbc.sql("select literacy_access from app_user where id = :id").param("id", id).query(Boolean.class).single();
    }

    void setPassword(long id, String hash, boolean mustChange) {
        jdbc.sql("""
                update app_user set password_hash = :h, must_change_password = :m, failed_attempts = 0, locked_until = null,
                       version = version + 1, updated_at = now() where id = :id
                """).param("h", hash).param("m", mustChange).param("id", id).update();
    }

    /** Counts a failure; the N-th consecutive one locks the account for the given minutes. */
    void recordFailure(String username, int maxAttempts, int lockMinutes) {
        jdbc.sql("""
                update app_user set failed_attempts = case when failed_attempts + 1 >= :max then 0 else failed_attempts + 1 end,
                                    locked_until = case when failed_attempts + 1 >= :max
                                                        then now() + make_interval(mins => :mins) else locked_until end
                where username = :u
                """).param("max", maxAttempts).param("mins", lockMinutes).param("u", username.toLowerCase()).update();
    }

    void recordSuccess(String username) {
        jdbc.sql("update app_user set failed_attempts = 0 where username = :u and failed_attempts > 0")
                .param("u", username.toLowerCase()).update();
    }

    void touchLogin(String username) {
        jdbc.sql("update app_user set last_login_at = now() where username = :u").param("u", username.toLowerCase()).update();
    }

    int deleteDemoAccounts() {
        return jdbc.sql("delete from app_user where demo").update();
    }

    boolean anyAdmin() {
        return jdbc.sql("select exists (select 1 from app_user where role = 'SYSTEM_ADMIN' and enabled and not demo)")
                .query(Boolean.class).single();
    }

    /** Clears counters of locks that have expired (a housekeeping job). */
    int clearExpiredLocks() {
        return jdbc.sql("update app_user set locked_until = null where locked_until is not null and locked_until < now()").update();
    }

    private static UserAccount map(ResultSet rs, int n) throws SQLException {
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("full_name"), rs.getString("email"),
                Role.valueOf(rs.getString("role")), rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("unit_code"),
                rs.getBoolean("enabled"), rs.getBoolean("must_change_password"), rs.getInt("failed_attempts"),
                instant(rs.getTimestamp("locked_until")), instant(rs.getTimestamp("last_login_at")),
                rs.getBoolean("demo"), rs.getLong("version"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
