package vn.xhht.orgunit;

import java.time.LocalDate;

/**
 * An administrative unit (đơn vị hành chính) or a hamlet / residential group (thôn, tổ dân phố…), valid from
 * {@code validFrom} (null: before the first loaded list) to {@code validTo} (null: still valid), both inclusive.
 */
@org.springframework.modulith.NamedInterface("api")
public record OrgUnit(long id, String code, String name, String type, int level,
                      Long parentId, String parentCode, String parentName, Long provinceId,
                      LocalDate validFrom, LocalDate validTo,
                      boolean borderCommune, Zone zone, boolean especiallyDifficult, boolean ethnicMinorityArea,
                      String source, long version) {

    public static final int NATION = 0;
    public static final int PROVINCE = 1;
    public static final int DISTRICT = 2;
    public static final int COMMUNE = 3;
    public static final int HAMLET = 4;

    /** Highland / lowland zone of a commune (vùng). */
    public enum Zone { HIGHLAND, MOUNTAIN, LOWLAND, ISLAND }

    public boolean validOn(LocalDate date) {
        return (validFrom == null || !validFrom.isAfter(date)) && (validTo == null || !validTo.isBefore(date));
    }

    public boolean closed() {
        return validTo != null;
    }

    public boolean isHamlet() {
        return level == HAMLET;
    }

    public boolean isCommune() {
        return level == COMMUNE;
    }
}
