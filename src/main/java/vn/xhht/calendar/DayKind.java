package vn.xhht.calendar;

/** Why a date differs from the plain Monday–Friday week. */
public enum DayKind {
    HOLIDAY,       // ngày lễ (BLLĐ 2019 Điều 112 khoản 1; 24/11 theo NQ 28/2026/QH16)
    TET,           // ngày nghỉ Tết Âm lịch
    COMPENSATORY,  // nghỉ bù khi ngày lễ trùng ngày nghỉ hằng tuần (Điều 111 khoản 3)
    SWAP_OFF,      // ngày làm việc được hoán đổi thành ngày nghỉ
    SWAP_WORK;     // thứ Bảy đi làm bù theo quyết định hoán đổi

    public boolean isDayOff() {
        return this != SWAP_WORK;
    }

    public String labelKey() {
        return "calendar.kind." + name();
    }
}
