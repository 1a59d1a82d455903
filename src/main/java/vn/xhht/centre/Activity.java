package vn.xhht.centre;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An activity of a centre with its participations (lượt người) and their breakdown. The disadvantaged count and the
 * age bands are null when not entered ("chưa nhập"), which is not 0.
 */
@org.springframework.modulith.NamedInterface("api")
public record Activity(long id, long centreId, String type, String topic, String title, LocalDate startDate, LocalDate endDate,
                       String venue, Long hamletId, String hamletName, String leadUnit, String coordinating, String speakers,
                       int participations, Integer women, Integer ethnicMinority, Integer disadvantaged, BigDecimal cost,
                       Long planRowId, String note, long version, Long clubId, Long campaignId,
                       Integer plannedParticipations, Integer ageUnder15, Integer age15to35, Integer age36to60, Integer ageOver60) {
}
