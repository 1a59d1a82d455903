package vn.xhht.literacy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.TextLimits;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.Texts;
import vn.xhht.shared.VietnamClock;

/**
 * Recognition of the standards per year (R20, NĐ 20/2014 Điều 30): the commune's self-check, the check by the level
 * above and the recognition decision with its number and date. Recorded by the unit itself or a unit above it.
 */
@Service
@Transactional
class Recognitions {

    public record Recognition(long id, int year, String standardCode, int level, String step, String decidedBy,
                              String decisionNumber, LocalDate decisionDate, String note, String createdBy) {
    }

    /**
     * Who issues the recognition decision of a standard for a unit of a level in a period (rule data, V110);
     * {@code known} is false while no text read settles it and an administrator's configured level stands in.
     */
    public record Authority(int subjectLevel, String standardCode, Integer standardLevel, int authorityLevel, boolean known,
                            String label, LocalDate validFrom, LocalDate validTo, String legalBasis, String certainty) {
    }

    private final JdbcClient jdbc;
    private final LiteracyAccess access;
    private final AuditTrail audit;
    private final VietnamClock clock;

    Recognitions(JdbcClient jdbc, LiteracyAccess access, AuditTrail audit, VietnamClock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    List<Recognition> list(CurrentUser user, long unitId) {
        access.requireReadable(user, unitId);
        return jdbc.sql("select * from lit_recognition where unit_id = :u order by year desc, standard_code, level, created_at")
                .param("u", unitId).query((rs, n) -> new Recognition(rs.getLong("id"), rs.getInt("year"), rs.getString("standard_code"),
                        rs.getInt("level"), rs.getString("step"), rs.getString("decided_by"), rs.getString("decision_number"),
                        rs.getObject("decision_date", LocalDate.class), rs.getString("note"), rs.getString("created_by"))).list();
    }

    /** The authority rules for units of the level, in force on the date (the most specific first); every period for null. */
    List<Authority> authorities(int subjectLevel, LocalDate date) {
        return jdbc.sql("""
                select * from lit_recognition_authority
                where subject_level = :l and (cast(:d as date) is null or ((valid_from is null or valid_from <= :d)
                      and (valid_to is null or valid_to >= :d)))
                order by (cast(:d as date) is null and valid_from is not null), valid_from, standard_code nulls last, standard_level nulls last, id""")
                .param("l", subjectLevel).param("d", date)
                .query((rs, n) -> new Authority(rs.getInt("subject_level"), rs.getString("standard_code"),
                        (Integer) rs.getObject("standard_level"),
                        rs.getObject("authority_level") != null ? rs.getInt("authority_level") : rs.getInt("configured_level"),
                        rs.getObject("authority_level") != null, rs.getString("authority_label"),
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                        rs.getString("legal_basis"), rs.getString("certainty"))).list();
    }

    /**
     * Only the recognising authority records the decision (NĐ 20/2014 Điều 25; NĐ 143/2025): a user of the unit
     * at the authority's level above the recognised unit (the nation's unit for the ministry).
     */
    private void requireAuthority(CurrentUser user, long unitId, String code, int level, LocalDate date) {
        vn.xhht.orgunit.OrgUnit unit = access.units().require(unitId);
        Authority a = authorityFor(unit.level(), code, level, date)
                .orElseThrow(() -> new InvalidInputProblem("step", "d14lit.recognition.noAuthority"));
        // a province is recognised for some standards by its own chairman (NĐ 143/2025)
        Long authorityUnit = a.authorityLevel() == unit.level() ? Long.valueOf(unit.id()) : null;
        if (a.authorityLevel() < unit.level()) {
            for (vn.xhht.orgunit.OrgUnit up : access.units().ancestors(unit)) {
                if (up.level() == a.authorityLevel()) {
                    authorityUnit = up.id();
                }
            }
        }
        boolean ministry = a.authorityLevel() == vn.xhht.orgunit.OrgUnit.NATION;
        boolean allowed = authorityUnit != null ? user.unitId() == authorityUnit
                : ministry && access.units().find(user.unitId()).map(u -> u.level() == vn.xhht.orgunit.OrgUnit.NATION).orElse(false);
        if (!allowed) {
            throw new InvalidInputProblem("step", a.known() ? "d14lit.recognition.notAuthority" : "d14lit.recognition.notAuthorityConfigured",
                    a.label(), a.legalBasis());
        }
    }

    /** The rule naming who decides the standard for the unit on the date, if any. */
    java.util.Optional<Authority> authorityFor(int subjectLevel, String code, int level, LocalDate date) {
        return authorities(subjectLevel, date).stream()
                .filter(a -> (a.standardCode() == null || a.standardCode().equals(code))
                        && (a.standardLevel() == null || a.standardLevel() == level))
                .findFirst();
    }

    long add(CurrentUser user, long unitId, Integer year, String standard, String step, String decidedBy, String number,
             LocalDate date, String note) {
        access.requireReadable(user, unitId);
        if (!user.isAdmin()) {
            access.units().checkWritable(user, unitId);
        }
        if (year == null || year < 2000 || year > clock.year() + 1) {
            throw new InvalidInputProblem("year", "lit.recognition.yearInvalid");
        }
        String[] sl = standard == null ? new String[0] : standard.split("/");
        if (sl.length != 2 || !List.of("XMC", "PCGDTH", "PCGDTHCS", "PCGDMN5").contains(sl[0]) || !sl[1].matches("[1-3]")) {
            throw new InvalidInputProblem("standard", "lit.recognition.standardInvalid");
        }
        if ((step == null || !List.of("SELF_CHECK", "UPPER_CHECK", "DECISION").contains(step))) {
            throw new InvalidInputProblem("step", "lit.recognition.standardInvalid");
        }
        List<InvalidInputProblem.Violation> v = new java.util.ArrayList<>();
        InputRules.maxLength(v, "decidedBy", decidedBy, TextLimits.LIT_RECOGNITION__DECIDED_BY);
        InputRules.maxLength(v, "decisionNumber", number, TextLimits.LIT_RECOGNITION__DECISION_NUMBER);
        InputRules.maxLength(v, "note", note, TextLimits.LIT_RECOGNITION__NOTE);
        InputRules.date(v, "decisionDate", date);
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        if (step.equals("DECISION") && (Texts.orNull(number) == null || date == null)) {
            throw new InvalidInputProblem("decisionNumber", "lit.recognition.numberRequired");
        }
        if (step.equals("DECISION")) {
            requireAuthority(user, unitId, sl[0], Integer.parseInt(sl[1]), date);
        }
        // the same step of the same standard for the same unit and year is one fact: a second identical entry (a double
        // click, a retry) is refused; the lock makes parallel identical requests wait for each other's answer
        jdbc.sql("select pg_advisory_xact_lock(hashtext('lit_recognition'), hashtext(:k))")
                .param("k", unitId + "|" + year + "|" + standard + "|" + step).query().singleRow();
        boolean exists = jdbc.sql("""
                select exists (select 1 from lit_recognition where unit_id = :u and year = :y and standard_code = :c
                               and level = :l and step = :s)""")
                .param("u", unitId).param("y", year).param("c", sl[0]).param("l", Integer.parseInt(sl[1])).param("s", step)
                .query(Boolean.class).single();
        if (exists) {
            throw new InvalidInputProblem("standard", "lit.recognition.duplicate");
        }
        long id = jdbc.sql("""
                insert into lit_recognition (unit_id, year, standard_code, level, step, decided_by, decision_number, decision_date, note, created_by)
                values (:u, :y, :c, :l, :s, :by, :n, :d, :note, :user) returning id
                """).param("u", unitId).param("y", year).param("c", sl[0]).param("l", Integer.parseInt(sl[1])).param("s", step)
                .param("by", Texts.orNull(decidedBy)).param("n", Texts.orNull(number)).param("d", date).param("note", Texts.orNull(note))
                .param("user", user.username()).query(Long.class).single();
        audit.change(AuditAction.CREATE, "LiteracyRecognition", id, unitId, null,
                Map.of("year", year, "standard", standard, "step", step), "Công nhận " + standard + " năm " + year);
        return id;
    }
}
