package vn.xhht.oversight;

import java.time.LocalDate;
import java.util.List;

/**
 * An out-of-school education establishment (cơ sở giáo dục ngoài nhà trường) of one commune, with its teachers and
 * the acts that licensed, registered, suspended or dissolved it. {@code suspensionDue} is computed: a licence older
 * than the inactivity period of the rules with no activity started within it.
 */
public record Establishment(long id, Kind kind, String name, String address, long unitId, String unitName, String owner,
                            OwnerKind ownerKind, String director, LocalDate directorTermFrom, LocalDate directorTermTo,
                            String programmes, String fees, String disclosure, LocalDate firstActivityOn, Status status,
                            boolean suspensionDue, List<Teacher> teachers, List<Act> acts, long version) {

    public enum Kind { FOREIGN_LANGUAGE_IT, CONTINUING_EDUCATION_OTHER, EXTRA_TEACHING, STUDY_ABROAD_CONSULTING }

    public enum OwnerKind { ORGANISATION, INDIVIDUAL }

    /** PENDING: no licensing act yet; ACTIVE: licensed or registered; then suspended or dissolved. */
    public enum Status { PENDING, ACTIVE, SUSPENDED, DISSOLVED }

    public enum ActKind {
        ESTABLISHMENT_DECISION, OPERATION_PERMISSION, BUSINESS_REGISTRATION, STUDY_ABROAD_CERTIFICATE, SUSPENSION, DISSOLUTION;

        public boolean licenses() {
            return this != SUSPENSION && this != DISSOLUTION;
        }
    }

    public record Teacher(Long id, String fullName, boolean foreign, String nationality, String qualification,
                          LocalDate workPermitUntil) {
    }

    /** An act with the rule that names its issuer in that period (basis and certainty shown next to it). */
    public record Act(long id, ActKind kind, String number, LocalDate issuedOn, String issuer, String note,
                      String ruleIssuer, String legalBasis, String certainty) {
    }
}
