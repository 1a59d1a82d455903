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

    // ------------------------------------------------------------------------ the authority rules, kept by an administrator

    /** One dated row of the authority rules as stored: settled by a text (authorityLevel) or configured (configuredLevel). */
    public record AuthorityRow(long id, int subjectLevel, String standardCode, Integer standardLevel, Integer authorityLevel,
                               Integer configuredLevel, String label, LocalDate validFrom, LocalDate validTo, String legalBasis,
                               String certainty, String configuredBy, java.time.OffsetDateTime configuredAt) {
        public boolean known() {
            return authorityLevel != null;
        }

        public int level() {
            return authorityLevel != null ? authorityLevel : configuredLevel;
        }
    }

    /** What an administrator enters for a new period of a rule; blank standard or level means every one. */
    public record AuthorityForm(Integer subjectLevel, String standardCode, Integer standardLevel, Integer authorityLevel,
                                boolean settledByText, String label, LocalDate validFrom, String legalBasis, String certainty) {
    }

    static final List<String> STANDARD_CODES = List.of("XMC", "PCGDTH", "PCGDTHCS", "PCGDMN5");
    static final List<String> CERTAINTIES = List.of("verified", "secondary", "uncertain", "unknown");

    /** Every row, grouped by the unit level and standard it is about, the newest period first. */
    List<AuthorityRow> authorityRows() {
        return jdbc.sql("""
                select * from lit_recognition_authority
                order by subject_level desc, standard_code nulls first, standard_level nulls first, valid_from desc nulls last, id desc""")
                .query((rs, n) -> new AuthorityRow(rs.getLong("id"), rs.getInt("subject_level"), rs.getString("standard_code"),
                        (Integer) rs.getObject("standard_level"), (Integer) rs.getObject("authority_level"),
                        (Integer) rs.getObject("configured_level"), rs.getString("authority_label"),
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                        rs.getString("legal_basis"), rs.getString("certainty"), rs.getString("configured_by"),
                        rs.getObject("configured_at", java.time.OffsetDateTime.class))).list();
    }

    /**
     * A new period of the rule for the same unit level, standard and standard level: it starts on {@code validFrom},
     * and the period in force the day before ends then (a rule's history is kept, never overwritten). A period
     * cannot start on or before the start of the latest period of the same rule. Only an administrator.
     */
    long newAuthority(CurrentUser admin, AuthorityForm f) {
        if (!admin.isAdmin()) {
            throw new vn.xhht.shared.AccessDeniedProblem("lit.standard.adminOnly");
        }
        List<InvalidInputProblem.Violation> v = new java.util.ArrayList<>();
        if (f.subjectLevel() == null || f.subjectLevel() < 1 || f.subjectLevel() > 3) {
            v.add(new InvalidInputProblem.Violation("subjectLevel", "s14fig.authority.subjectLevelInvalid"));
        }
        String code = Texts.orNull(f.standardCode());
        if (code != null && !STANDARD_CODES.contains(code)) {
            v.add(new InvalidInputProblem.Violation("standardCode", "s14fig.authority.standardCode"));
        }
        if (f.standardLevel() != null && (f.standardLevel() < 1 || f.standardLevel() > 3)) {
            v.add(new InvalidInputProblem.Violation("standardLevel", "s14fig.authority.standardLevelInvalid"));
        }
        if (f.standardLevel() != null && code == null) {
            v.add(new InvalidInputProblem.Violation("standardLevel", "s14fig.authority.levelWithoutStandard"));
        }
        if (f.authorityLevel() == null || f.authorityLevel() < 0 || f.authorityLevel() > 3) {
            v.add(new InvalidInputProblem.Violation("authorityLevel", "s14fig.authority.authorityLevel"));
        } else if (f.subjectLevel() != null && f.authorityLevel() > f.subjectLevel()) {
            // a unit is recognised by itself or a level above it, never by a unit below
            v.add(new InvalidInputProblem.Violation("authorityLevel", "s14fig.authority.belowSubject"));
        }
        if (Texts.orNull(f.label()) == null) {
            v.add(new InvalidInputProblem.Violation("label", "s14fig.authority.labelRequired"));
        }
        InputRules.maxLength(v, "label", f.label(), TextLimits.LIT_RECOGNITION_AUTHORITY__AUTHORITY_LABEL);
        if (f.validFrom() == null) {
            v.add(new InvalidInputProblem.Violation("validFrom", "s14fig.authority.fromRequired"));
        } else {
            InputRules.date(v, "validFrom", f.validFrom());
        }
        if (Texts.orNull(f.legalBasis()) == null) {
            v.add(new InvalidInputProblem.Violation("legalBasis", "s14fig.authority.basisRequired"));
        }
        InputRules.maxLength(v, "legalBasis", f.legalBasis(), 2000);
        String certainty = f.settledByText() ? f.certainty() : "unknown";
        if (certainty == null || !CERTAINTIES.contains(certainty)) {
            v.add(new InvalidInputProblem.Violation("certainty", "s14fig.authority.certainty"));
        } else if (f.settledByText() && certainty.equals("unknown")) {
            // a rule settled by a text names the text; "unknown" is what a configured rule is
            v.add(new InvalidInputProblem.Violation("certainty", "s14fig.authority.settledNotUnknown"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputProblem(v);
        }
        Integer level = f.standardLevel();
        // one rule at a time: two administrators adding a period of the same rule wait for each other
        jdbc.sql("select pg_advisory_xact_lock(hashtext('lit_recognition_authority'), hashtext(:k))")
                .param("k", f.subjectLevel() + "|" + code + "|" + level).query().singleRow();
        String same = """
                subject_level = :s and standard_code is not distinct from cast(:c as varchar)
                and standard_level is not distinct from cast(:l as smallint)""";
        LocalDate latest = jdbc.sql("select max(valid_from) from lit_recognition_authority where " + same)
                .param("s", f.subjectLevel()).param("c", code).param("l", level).query(LocalDate.class).optional().orElse(null);
        if (latest != null && !f.validFrom().isAfter(latest)) {
            throw new InvalidInputProblem("validFrom", "s14fig.authority.notAfterLatest",
                    latest.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        }
        List<Long> closed = jdbc.sql("""
                update lit_recognition_authority set valid_to = :to
                where %s and (valid_from is null or valid_from < :f) and (valid_to is null or valid_to >= :f)
                returning id""".formatted(same))
                .param("s", f.subjectLevel()).param("c", code).param("l", level).param("f", f.validFrom())
                .param("to", f.validFrom().minusDays(1)).query(Long.class).list();
        for (long id : closed) {
            audit.change(AuditAction.UPDATE, "LiteracyRecognitionAuthority", id, null, null,
                    Map.of("validTo", f.validFrom().minusDays(1).toString()), "Kết thúc quy định cơ quan công nhận trước ngày " + f.validFrom());
        }
        long id = jdbc.sql("""
                insert into lit_recognition_authority (subject_level, standard_code, standard_level, authority_level, configured_level,
                       authority_label, valid_from, valid_to, legal_basis, certainty, configured_by, configured_at)
                values (:s, :c, :l, :al, :cl, :label, :f, null, :basis, :cert, :by, :at) returning id""")
                .param("s", f.subjectLevel()).param("c", code).param("l", level)
                .param("al", f.settledByText() ? f.authorityLevel() : null).param("cl", f.settledByText() ? null : f.authorityLevel())
                .param("label", f.label().strip()).param("f", f.validFrom()).param("basis", f.legalBasis().strip())
                .param("cert", certainty).param("by", admin.username()).param("at", clock.now())
                .query(Long.class).single();
        Map<String, Object> after = new java.util.LinkedHashMap<>();
        after.put("subjectLevel", f.subjectLevel());
        after.put("standard", code == null ? "*" : code + (level == null ? "" : "/" + level));
        after.put(f.settledByText() ? "authorityLevel" : "configuredLevel", f.authorityLevel());
        after.put("label", f.label().strip());
        after.put("validFrom", f.validFrom().toString());
        after.put("certainty", certainty);
        audit.change(AuditAction.CREATE, "LiteracyRecognitionAuthority", id, null, null, after,
                "Quy định cơ quan công nhận từ " + f.validFrom());
        return id;
    }
}
