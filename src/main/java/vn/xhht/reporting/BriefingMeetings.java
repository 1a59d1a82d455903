package vn.xhht.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.orgunit.OrgUnit;
import vn.xhht.orgunit.OrgUnitDirectory;
import vn.xhht.shared.InputRules;
import vn.xhht.shared.TextLimits;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.InvalidInputProblem;
import vn.xhht.shared.InvalidInputProblem.Violation;
import vn.xhht.shared.Role;
import vn.xhht.shared.Texts;
import vn.xhht.shared.VietnamClock;

/**
 * Quarterly briefing meetings (giao ban) of an office with the centre directors and their minutes (R32). The office
 * records them; the units below read the meetings of the offices above them.
 */
@Service
@Transactional
public class BriefingMeetings {

    public static final String SUBJECT = "BriefingMeeting";

    private final JdbcClient jdbc;
    private final OrgUnitDirectory units;
    private final AuditTrail audit;
    private final VietnamClock clock;

    BriefingMeetings(JdbcClient jdbc, OrgUnitDirectory units, AuditTrail audit, VietnamClock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    public record Meeting(long id, long unitId, String unitName, String periodCode, LocalDate heldOn, String place, String chair,
                          String attendees, String minutes) {
        public String periodLabel() {
            return ReportPeriods.label(periodCode);
        }
    }

    public record Form(String periodCode, LocalDate heldOn, String place, String chair, String attendees, String minutes) {
    }

    public Meeting record(CurrentUser user, long unitId, Form f) {
        OrgUnit unit = units.require(unitId);
        if (!units.canWrite(user, unitId) || !(user.role() == Role.SYSTEM_ADMIN || user.role() == Role.PROVINCE_OFFICER
                || user.role() == Role.DISTRICT_OFFICER) || unit.level() > OrgUnit.DISTRICT || unit.level() < OrgUnit.PROVINCE) {
            throw new AccessDeniedProblem("meeting.cannotRecord");
        }
        List<Violation> errors = new ArrayList<>();
        InputRules.maxLength(errors, "place", f.place(), TextLimits.BRIEFING_MEETING__PLACE);
        InputRules.maxLength(errors, "chair", f.chair(), TextLimits.BRIEFING_MEETING__CHAIR);
        InputRules.maxLength(errors, "attendees", f.attendees(), TextLimits.BRIEFING_MEETING__ATTENDEES);
        ReportPeriod p = ReportPeriods.tryParse(f.periodCode()).filter(x -> x.kind() == ReportPeriod.Kind.QUARTER).orElse(null);
        if (p == null) {
            errors.add(new Violation("periodCode", "meeting.period.invalid", f.periodCode() == null ? "" : f.periodCode()));
        }
        if (f.heldOn() == null) {
            errors.add(new Violation("heldOn", "meeting.heldOn.required"));
        } else if (p != null && (f.heldOn().isBefore(p.from()) || f.heldOn().isAfter(p.to().plusDays(45)))) {
            errors.add(new Violation("heldOn", "meeting.heldOn.range", p.label()));
        } else if (f.heldOn().isAfter(clock.today().plusDays(1))) {
            errors.add(new Violation("heldOn", "meeting.heldOn.future"));
        }
        String minutes = Texts.orNull(f.minutes());
        if (minutes == null) {
            errors.add(new Violation("minutes", "meeting.minutes.required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        long id = jdbc.sql("""
                insert into briefing_meeting (unit_id, province_id, period_code, held_on, place, chair, attendees, minutes, created_by)
                values (:u, :pr, :p, :d, :place, :chair, :att, :min, :by) returning id
                """).param("u", unitId).param("pr", unit.provinceId() == null ? unit.id() : unit.provinceId()).param("p", p.code())
                .param("d", f.heldOn()).param("place", Texts.orNull(f.place())).param("chair", Texts.orNull(f.chair()))
                .param("att", Texts.orNull(f.attendees())).param("min", minutes).param("by", user.username()).query(Long.class).single();
        audit.change(AuditAction.CREATE, SUBJECT, id, unitId, null, Map.of("period", p.code(), "heldOn", f.heldOn().toString()),
                "Giao ban " + p.label() + " — " + unit.name());
        return list(user, unitId).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    /** Meetings held by the unit, by the offices above it, and by the units below it; newest first. */
    @Transactional(readOnly = true)
    public List<Meeting> list(CurrentUser user, long unitId) {
        units.requireReadable(user, unitId);
        return jdbc.sql("""
                select m.*, u.name as unit_name from briefing_meeting m join xhht_unit u on u.id = m.unit_id
                where m.unit_id in (select id from xhht_unit_subtree(:unit))
                   or m.unit_id in (select id from xhht_unit_line(:unit))
                order by m.held_on desc, m.id desc limit 200
                """).param("unit", unitId)
                .query((rs, n) -> new Meeting(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("period_code"),
                        rs.getObject("held_on", LocalDate.class), rs.getString("place"), rs.getString("chair"), rs.getString("attendees"),
                        rs.getString("minutes"))).list();
    }
}
