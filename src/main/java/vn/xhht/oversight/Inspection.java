package vn.xhht.oversight;

import java.time.LocalDate;
import java.util.List;

/**
 * An inspection (kiểm tra) of an establishment or of a community learning centre: the team with its agencies, the
 * findings per check item (with a violation from the catalogue and a remedy due in working days) and, for an
 * establishment, the sanction decision.
 */
public record Inspection(long id, SubjectType subjectType, Long establishmentId, Long centreId, long unitId, String unitName,
                         String subjectName, LocalDate date, int planYear, String conclusion, Long inspectorId, List<Member> team,
                         List<Finding> findings, Sanction sanction) {

    public enum SubjectType { ESTABLISHMENT, CENTRE }

    public record Member(String fullName, String agency, String position) {
    }

    public record Finding(long id, Integer itemNo, String itemTitle, String violationCode, String violationDescription, String note,
                          String remedy, Integer remedyWorkingDays, LocalDate remedyDue, LocalDate resolvedOn, String resolvedNote) {
        public boolean open() {
            return remedyDue != null && resolvedOn == null;
        }
    }

    public record Sanction(long id, String number, LocalDate decidedOn, String authority, long fineVnd,
                           Establishment.OwnerKind offenderKind) {
    }
}
