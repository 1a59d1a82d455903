package vn.xhht.legaldoc;

import java.time.LocalDate;

/** A legal document (văn bản pháp lý) as cited: "Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ GD&ĐT". */
public record LegalDocument(long id, Type type, String numberSymbol, String title, LocalDate issuedOn, String issuer,
                            LocalDate effectiveFrom, LocalDate effectiveTo, Certainty certainty, String notes,
                            Long scopeUnitId, String scopeUnitName, long version) {

    /** Kinds of document, in Vietnamese administrative usage. */
    public enum Type { LUAT, NGHI_QUYET, NGHI_DINH, QUYET_DINH, THONG_TU, CHI_THI, KE_HOACH, CONG_VAN, HUONG_DAN, KHAC }

    /** How sure the register is of the figures (from the regulation notes). */
    public enum Certainty { VERIFIED, SECONDARY, UNCERTAIN }

    public boolean inForceOn(LocalDate date) {
        return (effectiveFrom == null || !effectiveFrom.isAfter(date)) && (effectiveTo == null || !effectiveTo.isBefore(date));
    }
}
