package vn.xhht.orgunit;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Demo data from seed 002 (Phòng GD&ĐT Hà Quảng, 2022): the border and highland communes of Huyện Hà Quảng,
 * and the same for the new Xã Cần Yên they formed. Only fills attributes nobody has set yet. Lives in orgunit, the
 * owner of org_unit; identity applies it when it sets up a demonstration database.
 */
@org.springframework.modulith.NamedInterface("api")
public final class DemoUnitAttributes {
    private DemoUnitAttributes() {
    }

    public static void apply(JdbcClient jdbc) {
        String inHaQuang = """
                 from org_unit d where d.code = '045' and d.level = 2 and d.valid_to = date '2025-06-30')
                 and level = 3 and zone is null and name in (%s)
                """;
        jdbc.sql("update org_unit set border_commune = true where parent_id = (select d.id" + inHaQuang.formatted(
                "'Xã Sóc Hà','Xã Trường Hà','Xã Lũng Nặm','Xã Cải Viên','Xã Nội Thôn','Xã Tổng Cọt','Xã Cần Yên','Xã Cần Nông'")).update();
        jdbc.sql("update org_unit set zone = 'HIGHLAND', especially_difficult = true where parent_id = (select d.id"
                + inHaQuang.formatted("'Xã Cải Viên','Xã Lũng Nặm','Xã Thượng Thôn','Xã Nội Thôn','Xã Tổng Cọt','Xã Hồng Sỹ',"
                + "'Xã Mã Ba','Xã Cần Yên','Xã Cần Nông','Xã Lương Thông','Xã Đa Thông','Xã Ngọc Động','Xã Thanh Long','Xã Yên Sơn'")).update();
        jdbc.sql("update org_unit set zone = 'LOWLAND' where parent_id = (select d.id"
                + inHaQuang.formatted("'Xã Ngọc Đào','Xã Trường Hà','Xã Sóc Hà','Xã Lương Can','Xã Quý Quân','Thị trấn Xuân Hòa','Thị trấn Thông Nông'")).update();
        jdbc.sql("""
                update org_unit set border_commune = true, zone = 'HIGHLAND', especially_difficult = true
                where code = '01366' and level = 3 and valid_from = date '2025-07-01' and zone is null
                """).update();
    }
}
