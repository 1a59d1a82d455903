package vn.xhht.identity;

import java.io.OutputStream;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.audit.AuditAction;
import vn.xhht.audit.AuditTrail;
import vn.xhht.document.XlsxExport;
import vn.xhht.document.XlsxExport.Column;
import vn.xhht.document.XlsxExport.ColumnType;
import vn.xhht.shared.AccessDeniedProblem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.Role;

/** The user list of an administrator's area as .xlsx; exporting personal data is logged. */
@Service
class UserExport {

    private final UserAccountRepository accounts;
    private final XlsxExport xlsx;
    private final AuditTrail audit;
    private final MessageSource messages;

    UserExport(UserAccountRepository accounts, XlsxExport xlsx, AuditTrail audit, MessageSource messages) {
        this.accounts = accounts;
        this.xlsx = xlsx;
        this.audit = audit;
        this.messages = messages;
    }

    @Transactional
    public long write(CurrentUser admin, OutputStream out) {
        if (admin.role() != Role.SYSTEM_ADMIN) {
            throw new AccessDeniedProblem("error.adminOnly");
        }
        List<Column> columns = List.of(
                new Column("Tên đăng nhập", ColumnType.TEXT, 18),
                new Column("Họ và tên", ColumnType.TEXT, 30),
                new Column("Thư điện tử", ColumnType.TEXT, 26),
                new Column("Vai trò", ColumnType.TEXT, 30),
                new Column("Mã đơn vị", ColumnType.TEXT, 10),
                new Column("Đơn vị", ColumnType.TEXT, 30),
                new Column("Đang hoạt động", ColumnType.BOOLEAN, 10),
                new Column("Đăng nhập gần nhất", ColumnType.DATETIME, 18));
        long rows = xlsx.write(out, "Người dùng", "Danh sách người dùng XHHT", columns, sink -> accounts.streamWithin(admin.unitId(), a ->
                sink.row(a.username(), a.fullName(), a.email(),
                        messages.getMessage(a.role().labelKey(), null, LocaleContextHolder.getLocale()),
                        a.unitCode(), a.unitName(), a.enabled(), a.lastLoginAt())));
        audit.access(AuditAction.EXPORT, "AppUser", null, admin.unitId(), "Xuất danh sách người dùng (" + rows + " dòng)");
        return rows;
    }
}
