package vn.xhht.centre;

import java.time.LocalDate;

/** A community learning centre (trung tâm học tập cộng đồng) of one commune. */
@org.springframework.modulith.NamedInterface("api")
public record Centre(long id, long communeId, String communeName, LocalDate communeValidFrom, LocalDate communeValidTo,
                     long provinceId, String name, String foundingDecision, LocalDate foundedOn, Premises premises,
                     boolean combinedWithCultureCentre, boolean modelCentre, Integer modelSinceYear,
                     String address, String phone, String email, long version) {

    /** Where the centre works (trụ sở). */
    public enum Premises { OWN, SHARED_COMMUNE_OFFICE, CULTURAL_HOUSE, SCHOOL, OTHER }

    public boolean activeOn(LocalDate date) {
        return (communeValidFrom == null || !communeValidFrom.isAfter(date)) && (communeValidTo == null || !communeValidTo.isBefore(date));
    }
}
