package nl.ymere.privacy.deadline;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The calendar settings of the deadline calculator, under {@code privacy.*}.
 *
 * @param timeZone {@code privacy.time-zone}: the zone that decides dates (DL-1), default Europe/Amsterdam
 * @param extraNonWorkingDates {@code privacy.extra-non-working-dates}: DL-5 bridge days equated with holidays by
 *     Royal Decree (never office closures), as ISO dates; default none
 */
@ConfigurationProperties("privacy")
public record DeadlineProperties(ZoneId timeZone, List<LocalDate> extraNonWorkingDates) {

  public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Europe/Amsterdam");

  public DeadlineProperties {
    timeZone = timeZone == null ? DEFAULT_TIME_ZONE : timeZone;
    extraNonWorkingDates = extraNonWorkingDates == null ? List.of() : List.copyOf(extraNonWorkingDates);
  }
}
