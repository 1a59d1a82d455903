package vn.xhht.centre;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may read of a centre's records: its assets (a budget's spending line names the one it bought or
 * repaired) and its people (a training's attendance is ticked from them). Callers check the user's access to the
 * centre or unit; this only answers who and what belongs where.
 */
@Service
@Transactional(readOnly = true)
@org.springframework.modulith.NamedInterface("api")
public class CentreRecordLookup {

    public record AssetRef(long id, long centreId, String kind, String item, int quantity) {
    }

    /** A person working for a centre of the area; {@code centreName} is the first of their centres, by name. */
    public record PersonRef(long personId, String fullName, long provinceId, long centreId, String centreName, long communeId,
                            String roles) {
    }

    private final JdbcClient jdbc;

    CentreRecordLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AssetRef> asset(long id) {
        return jdbc.sql("select id, centre_id, kind, item, quantity from asset where id = :id").param("id", id)
                .query(CentreRecordLookup::asset).optional();
    }

    public List<AssetRef> assets(long centreId) {
        return jdbc.sql("select id, centre_id, kind, item, quantity from asset where centre_id = :c order by kind, item, id limit 500")
                .param("c", centreId).query(CentreRecordLookup::asset).list();
    }

    /**
     * The people of the centres whose commune is in the unit's subtree, linked on the day (or with no dates), and
     * recorded in the given province; each person once. At most {@code limit}.
     */
    public List<PersonRef> people(long unitId, long provinceId, LocalDate on, int limit) {
        return jdbc.sql("""
                select distinct on (p.id) p.id, p.full_name, p.province_id, c.id as centre_id, c.name as centre_name, c.commune_id,
                       (select string_agg(distinct x.role, ',') from centre_person x where x.person_id = p.id and x.centre_id = c.id) as roles
                  from centre_person cp join person p on p.id = cp.person_id join centre c on c.id = cp.centre_id
                 where c.commune_id in (select id from xhht_unit_subtree(:unit)) and p.province_id = :province
                   and (cp.since is null or cp.since <= :on) and (cp.until is null or cp.until >= :on)
                 order by p.id, c.name
                 limit :limit
                """).param("unit", unitId).param("province", provinceId).param("on", on).param("limit", limit)
                .query(CentreRecordLookup::person).list();
    }

    /** The given people as the records show them (any centre, any date), to name those already recorded. */
    public List<PersonRef> peopleById(java.util.Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select distinct on (p.id) p.id, p.full_name, p.province_id, c.id as centre_id, c.name as centre_name, c.commune_id,
                       (select string_agg(distinct x.role, ',') from centre_person x where x.person_id = p.id and x.centre_id = c.id) as roles
                  from person p join centre_person cp on cp.person_id = p.id join centre c on c.id = cp.centre_id
                 where p.id in (:ids)
                 order by p.id, c.name
                """).param("ids", personIds).query(CentreRecordLookup::person).list();
    }

    private static AssetRef asset(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AssetRef(rs.getLong("id"), rs.getLong("centre_id"), rs.getString("kind"), rs.getString("item"), rs.getInt("quantity"));
    }

    private static PersonRef person(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new PersonRef(rs.getLong("id"), rs.getString("full_name"), rs.getLong("province_id"), rs.getLong("centre_id"),
                rs.getString("centre_name"), rs.getLong("commune_id"), rs.getString("roles"));
    }
}
