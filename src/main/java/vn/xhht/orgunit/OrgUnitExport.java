package vn.xhht.orgunit;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.document.XlsxExport;
import vn.xhht.document.XlsxExport.Column;
import vn.xhht.document.XlsxExport.ColumnType;
import vn.xhht.shared.CurrentUser;

/** The unit tree of a user's area on a date as .xlsx, streamed from the database. */
@Service
class OrgUnitExport {

    private final OrgUnitRepository units;
    private final XlsxExport xlsx;
    private final MessageSource messages;

    OrgUnitExport(OrgUnitRepository units, XlsxExport xlsx, MessageSource messages) {
        this.units = units;
        this.xlsx = xlsx;
        this.messages = messages;
    }

    /** Streaming needs a transaction: PostgreSQL only uses a cursor (fetch size) outside auto-commit. */
    @Transactional(readOnly = true)
    public long write(CurrentUser user, LocalDate date, OutputStream out) {
        List<Column> columns = List.of(
                new Column("Mã", ColumnType.TEXT, 12),
                new Column("Tên", ColumnType.TEXT, 34),
                new Column("Loại", ColumnType.TEXT, 16),
                new Column("Cấp", ColumnType.INTEGER, 6),
                new Column("Mã đơn vị cấp trên", ColumnType.TEXT, 12),
                new Column("Tên đơn vị cấp trên", ColumnType.TEXT, 30),
                new Column("Hiệu lực từ", ColumnType.DATE, 12),
                new Column("Hiệu lực đến", ColumnType.DATE, 12),
                new Column("Xã biên giới", ColumnType.BOOLEAN, 10),
                new Column("Vùng", ColumnType.TEXT, 14),
                new Column("Đặc biệt khó khăn", ColumnType.BOOLEAN, 10),
                new Column("Vùng DTTS", ColumnType.BOOLEAN, 10));
        String title = "Danh mục đơn vị hành chính có hiệu lực ngày "
                + String.format("%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
        return xlsx.write(out, "Đơn vị hành chính", title, columns, sink -> units.streamScope(user.unitId(), date, u ->
                sink.row(u.code(), u.name(), u.type(), u.level(), u.parentCode(), u.parentName(), u.validFrom(), u.validTo(),
                        u.borderCommune(), u.zone() == null ? null
                                : messages.getMessage("zone." + u.zone(), null, LocaleContextHolder.getLocale()),
                        u.especiallyDifficult(), u.ethnicMinorityArea())));
    }
}
