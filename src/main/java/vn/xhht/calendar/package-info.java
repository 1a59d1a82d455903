/**
 * Working-day calendar (ngày làm việc): weekends, Vietnamese public holidays including Tết Nguyên đán and Giỗ Tổ
 * Hùng Vương by the lunar calendar, and per-year lists of extra days off and swapped working days. Deadlines
 * "within N working days" in evaluation, reporting and plans are counted here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Working-day calendar",
        allowedDependencies = {"audit::api", "platform::api", "shared"})
package vn.xhht.calendar;
