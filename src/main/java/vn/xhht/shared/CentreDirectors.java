package vn.xhht.shared;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The director of a commune's community learning centre on a date (from the centre's board), for the signature of
 * the centre's reports. Implemented by the centre module, so that reporting never names it.
 */
public interface CentreDirectors {

    Optional<String> directorOf(long communeId, LocalDate on);
}
