package nl.ymere.privacy.processor;

import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code privacy.processor.*}.
 *
 * @param reviewInterval periodic review of an approved agreement or covenant (PRC-5, default every 24 months)
 * @param expiryReminderDaysBefore reminder this many days before the agreement expires (default 60)
 * @param noticeTime clock time (Europe/Amsterdam) of the review and expiry mails (default 08:00)
 * @param maxBreachNoticeHours the processor must tell the corporation of a breach within at most this many hours
 *     of becoming aware of it (PRC-2, default 24), so the corporation can meet the 72 hours of Art 33
 * @param eeaCountries ISO 3166-1 alpha-2 codes of the EEA (EU 27 plus Iceland, Liechtenstein, Norway)
 * @param adequateCountries countries with an EU adequacy decision (Art 45, PRC-4); keep this list current
 */
@ConfigurationProperties("privacy.processor")
public record ProcessorProperties(
    @DefaultValue("P24M") Period reviewInterval,
    @DefaultValue("60") int expiryReminderDaysBefore,
    @DefaultValue("08:00") LocalTime noticeTime,
    @DefaultValue("24") int maxBreachNoticeHours,
    @DefaultValue({"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
        "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO"}) List<String> eeaCountries,
    @DefaultValue({"AD", "AR", "CA", "FO", "GG", "IL", "IM", "JP", "JE", "NZ", "KR", "CH", "GB", "UY"})
    List<String> adequateCountries) {

  /** PRC-4: where the processing location falls. */
  TransferZone zoneOf(String countryCode) {
    String code = countryCode == null ? "" : countryCode.strip().toUpperCase(java.util.Locale.ROOT);
    if (eeaCountries.contains(code)) {
      return TransferZone.EEA;
    }
    return adequateCountries.contains(code) ? TransferZone.ADEQUATE : TransferZone.THIRD_COUNTRY;
  }
}
