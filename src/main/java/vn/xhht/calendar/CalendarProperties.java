package vn.xhht.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param cultureDayCompensated whether 24/11 (set by NQ 28/2026/QH16, not by BLLĐ Điều 112) falling on a weekend
 *                              gives a compensatory day like the other holidays — uncertain in law; first matters
 *                              in 2029. Only affects years generated after the change.
 * @param cacheSeconds          how long an instance keeps a year in memory before re-reading it (edits made on
 *                              another instance become visible after at most this long)
 */
@ConfigurationProperties("xhht.calendar")
record CalendarProperties(Boolean cultureDayCompensated, Integer cacheSeconds) {
    CalendarProperties {
        if (cultureDayCompensated == null) {
            cultureDayCompensated = true;
        }
        if (cacheSeconds == null) {
            cacheSeconds = 60;
        }
    }
}
