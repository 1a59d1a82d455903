package vn.xhht.shared;

/** Roles of XHHT users. Each user has one role and one assigned unit; the unit bounds what it sees. */
public enum Role {
    SYSTEM_ADMIN,          // quản trị hệ thống
    PROVINCE_OFFICER,      // chuyên viên Sở GD&ĐT
    DISTRICT_OFFICER,      // chuyên viên Phòng GD&ĐT (cấp huyện, đến 30/6/2025)
    COMMUNE_OFFICER,       // cán bộ xã / giám đốc TTHTCĐ
    ASSOCIATION_EVALUATOR, // Hội Khuyến học
    TTGDNN_STAFF,          // Trung tâm GDNN-GDTX
    INSPECTOR;             // thanh tra, kiểm tra

    public String authority() {
        return "ROLE_" + name();
    }

    /** Message key of the role's Vietnamese/English label. */
    public String labelKey() {
        return "role." + name();
    }
}
