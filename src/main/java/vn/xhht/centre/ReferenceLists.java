package vn.xhht.centre;

import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Activity types and topics: data with stable codes, named in the user's language. */
@Component
public class ReferenceLists {

    @io.swagger.v3.oas.annotations.media.Schema(name = "ReferenceItem")
    public record Item(String code, String name) {
    }

    private final JdbcClient jdbc;

    ReferenceLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Item> activityTypes(Locale locale) {
        return items("activity_type", "", locale);
    }

    public List<Item> topics(Locale locale) {
        return items("topic", " where active", locale);
    }

    boolean isActivityType(String code) {
        return code != null && jdbc.sql("select exists (select 1 from activity_type where code = :c)").param("c", code).query(Boolean.class).single();
    }

    boolean isTopic(String code) {
        return code != null && jdbc.sql("select exists (select 1 from topic where code = :c and active)").param("c", code).query(Boolean.class).single();
    }

    private List<Item> items(String table, String where, Locale locale) {
        String name = "en".equals(locale.getLanguage()) ? "name_en" : "name_vi";
        return jdbc.sql("select code, " + name + " as name from " + table + where + " order by sort, code")
                .query((rs, n) -> new Item(rs.getString("code"), rs.getString("name"))).list();
    }
}
