package vn.xhht.platform;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xhht.shared.TextLimits;
import vn.xhht.support.XhhtIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The text limits the services check are the column lengths of the schema, column for column. */
@XhhtIntegrationTest
class TextLimitsTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyDeclaredLimitIsItsColumnsLengthAndEveryColumnHasOne() throws IllegalAccessException {
        Map<String, Integer> declared = new TreeMap<>();
        for (Field f : TextLimits.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                declared.put(f.getName().toLowerCase().replace("__", "."), f.getInt(null));
            }
        }
        Map<String, Integer> schema = new TreeMap<>();
        jdbc.sql("""
                select table_name || '.' || column_name as col, character_maximum_length as len
                  from information_schema.columns
                 where table_schema = 'public' and character_maximum_length is not null
                   and table_name not in ('flyway_schema_history', 'shedlock', 'fuzz_change')
                """).query((rs, n) -> schema.put(rs.getString("col"), rs.getInt("len"))).list();
        // Spring Session's own tables hold no typed text
        schema.keySet().removeIf(k -> k.startsWith("spring_session"));
        assertThat(schema).hasSizeGreaterThan(150);
        java.util.List<String> differences = new java.util.ArrayList<>();
        for (Map.Entry<String, Integer> c : schema.entrySet()) {
            if (!c.getValue().equals(declared.get(c.getKey()))) {
                differences.add(c.getKey() + ": column " + c.getValue() + ", TextLimits " + declared.get(c.getKey()));
            }
        }
        for (String d : declared.keySet()) {
            if (!schema.containsKey(d)) {
                differences.add(d + ": in TextLimits, not in the schema");
            }
        }
        assertThat(differences).isEmpty();
    }
}
