package vn.xhht.orgunit;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.xhht.shared.CurrentUsers;
import vn.xhht.shared.VietnamClock;

@RestController
@RequestMapping("/api/v1/org-units")
@Tag(name = "Đơn vị hành chính / Administrative units")
class SeriesApiController {

    @Schema(description = "Một năm của một chỉ số. / One year of one figure.")
    record PointDto(
            int year,
            @Schema(description = "Giá trị; null = chưa nhập. / The value; null when nothing was entered.", nullable = true) Long value,
            @Schema(description = "Phần của các đơn vị tiền thân. / The part that comes from predecessor units.", minimum = "0") long fromPredecessors,
            @Schema(description = "Số liệu của đơn vị cũ bị chia chưa phân bổ về thôn nào của đơn vị này; không cộng vào giá trị. / Figures of a split predecessor not yet allocated to a hamlet of this unit; not included in value.",
                    minimum = "0") long notAllocated,
            @Schema(description = "Chỉ với tỷ lệ: số người của mẫu số (value là số người đạt); null với số đếm. / Rates only: the people counted (value is those who meet it); null for counts.",
                    nullable = true, minimum = "0") Long base,
            @Schema(description = "Chỉ với tỷ lệ: value/base × 100, cắt hai chữ số thập phân; null khi không có ai. / Rates only: value/base × 100 cut to two decimals; null when nobody was counted.",
                    nullable = true, example = "97.25") java.math.BigDecimal percent) {
    }

    record FigureDto(
            @Schema(description = "Mã chỉ số. / Figure key.", example = "series.participations") String figure,
            @Schema(description = "Tên chỉ số. / Figure label.", example = "Lượt người tham gia") String label,
            @Schema(description = "Chỉ số là tỷ lệ (có base và percent). / The figure is a rate (base and percent set).") boolean rate,
            List<PointDto> points) {
    }

    @Schema(description = "Số liệu qua các năm theo cơ cấu của từng năm. / Figures per year in the structure of each year.")
    record SeriesDto(long unitId, String unitName, List<Integer> years, List<FigureDto> figures) {
    }

    private final UnitSeries series;
    private final VietnamClock clock;
    private final MessageSource messages;

    SeriesApiController(UnitSeries series, VietnamClock clock, MessageSource messages) {
        this.series = series;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/{id}/series")
    @Operation(operationId = "getOrgUnitSeries", summary = "Số liệu qua các năm của một đơn vị",
            description = "Activities held and participations, literacy rates of people aged 15–60 (level 1 and level 2, on 31/12 "
                    + "of each year, from the commune's first survey) and recognised evaluation results per year from 2019, in the structure of each year: before an "
                    + "arrangement, the units this unit took over are included (fromPredecessors); a predecessor split across "
                    + "several units counts through the hamlets assigned to this unit, the rest is reported as notAllocated.")
    SeriesDto get(@PathVariable long id,
                  @Parameter(description = "first year, 2019 … this year (default 2019)") @RequestParam(required = false) Integer fromYear,
                  @Parameter(description = "last year, fromYear … this year (default this year)") @RequestParam(required = false) Integer toYear) {
        UnitSeries.Series s = series.of(CurrentUsers.require(), id, fromYear, toYear, clock.today());
        var locale = LocaleContextHolder.getLocale();
        return new SeriesDto(s.unit().id(), s.unit().name(), s.years(), s.lines().stream()
                .map(l -> new FigureDto(l.figure(), messages.getMessage(l.figure(), null, locale), l.rate(), l.points().stream()
                        .map(p -> new PointDto(p.year(), p.value(), p.fromPredecessors(), p.notAllocated(), p.base(), p.percent())).toList()))
                .toList());
    }
}
