package vn.xhht.centre;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An activity of a centre with its participations (lượt người) and their breakdown. */
public record Activity(long id, long centreId, String type, String topic, String title, LocalDate startDate, LocalDate endDate,
                       String venue, Long hamletId, String hamletName, String leadUnit, String coordinating, String speakers,
                       int participations, int women, int ethnicMinority, int disadvantaged, BigDecimal cost,
                       Long planRowId, String note, long version, Long clubId, Long campaignId,
                       Integer plannedParticipations, int ageUnder15, int age15to35, int age36to60, int ageOver60) {
}
