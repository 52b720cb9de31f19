package nl.ymere.privacy.breach;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.breach.BreachCodes.DataCategory;
import nl.ymere.privacy.process.ProductCalls;
import nl.ymere.privacy.web.ApiFieldErrors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a reported incident (BRE-1, BRE-2) with its reference {@code DL-2026-000123} and starts
 * {@code data-breach} for it. One public entry for every channel: the Tasklist start form (through
 * {@link BreachIntakeListener}), {@code POST /api/breaches}, a processor's report and, from Java, other processes
 * (a complaint that reveals a breach, CMP-1). Bad input is refused with the fields and stores nothing.
 */
@Service
public class BreachIntake {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final int MAX_TEXT = 100_000;
  /** A detection time a little ahead of our clock is a clock difference, more is an error. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final BreachRepository breaches;
  private final RuntimeService runtime;
  private final Clock clock;

  BreachIntake(BreachRepository breaches, RuntimeService runtime, Clock clock) {
    this.breaches = breaches;
    this.runtime = runtime;
    this.clock = clock;
  }

  /**
   * Registers the incident and starts {@code data-breach} for it as the given user; returns the reference. Every
   * staff member may report (issue 18 item 1).
   */
  @Transactional
  public String register(BreachReport report, String user) {
    return register(report, user, BreachCodes.Channel.API);
  }

  /** As {@link #register(BreachReport, String)} with the channel it came through (e.g. COMPLAINT). */
  @Transactional
  public String register(BreachReport report, String user, BreachCodes.Channel channel) {
    Breach breach = store(report, user, channel, null, null, null);
    start(breach);
    return breach.reference();
  }

  /** A processor's report (PRC-2): linked to its party, with whether it met its notice duty. */
  @Transactional
  Breach registerProcessorReport(BreachReport report, String user, long partyId, Instant processorAwareAt,
      boolean late, Map<String, Object> link) {
    Breach breach = store(report, user, BreachCodes.Channel.PROCESSOR, partyId, processorAwareAt, late);
    String owner = (String) link.get("owner");
    breaches.linkAgreement(breach.id(), (String) link.get("agreementReference"), (Integer) link.get("noticeHours"),
        (Instant) link.get("receivedAt"), owner == null || owner.isBlank() ? null : owner);
    start(breach);
    return breaches.getByReference(breach.reference());
  }

  /** Only the row: the Tasklist start form's listener runs inside the process start already. */
  Breach store(BreachReport report, String user, BreachCodes.Channel channel, Long partyId, Instant processorAwareAt,
      Boolean late) {
    List<String> categories = validate(report);
    Instant now = clock.instant();
    int year = now.atZone(AMSTERDAM).getYear();
    String reference = String.format("DL-%d-%06d", year, breaches.nextNumber(year));
    breaches.insert(reference, channel.name(), report, categories, reporter(user), now, partyId, processorAwareAt,
        late);
    return breaches.getByReference(reference);
  }

  static String reporter(String user) {
    return user == null || user.isBlank() ? "system" : user;
  }

  private void start(Breach breach) {
    var instance = ProductCalls.call(() -> runtime.startProcessInstanceByKey(BreachProcess.KEY, breach.reference(),
        Map.of(BreachProcess.Variables.REFERENCE.name(), breach.reference())));
    breaches.setProcessInstanceId(breach.id(), instance.getId());
  }

  /** The field problems of a report (400), or the cleaned category codes. */
  List<String> validate(BreachReport report) {
    ApiFieldErrors errors = new ApiFieldErrors();
    if (report == null) {
      errors.add("description", "is required");
      errors.throwIfAny();
    }
    if (report.description() == null || report.description().isBlank()) {
      errors.add("description", "is required (what happened)");
    } else if (report.description().length() > MAX_TEXT) {
      errors.add("description", "is longer than " + MAX_TEXT + " characters");
    }
    if (report.systems() != null && report.systems().length() > MAX_TEXT) {
      errors.add("systems", "is longer than " + MAX_TEXT + " characters");
    }
    OffsetDateTime detectedAt = report.detectedAt();
    if (detectedAt == null) {
      errors.add("detectedAt", "is required (date-time with offset)");
    } else if (detectedAt.toInstant().isAfter(clock.instant().plus(CLOCK_SKEW))) {
      errors.add("detectedAt", "lies in the future");
    }
    List<String> categories = new ArrayList<>();
    if (report.dataCategories() == null || report.dataCategories().isEmpty()) {
      errors.add("dataCategories", "at least one data category is required");
    } else {
      for (int i = 0; i < report.dataCategories().size(); i++) {
        String code = report.dataCategories().get(i);
        try {
          String known = DataCategory.valueOf(code == null ? "" : code.strip()).name();
          if (!categories.contains(known)) {
            categories.add(known);
          }
        } catch (IllegalArgumentException e) {
          errors.add("dataCategories[" + i + "]", "unknown category; one of " + List.of(DataCategory.values()));
        }
      }
    }
    if (report.personsEstimate() == null) {
      errors.add("personsEstimate", "is required (roughly how many people)");
    } else if (report.personsEstimate() < 0) {
      errors.add("personsEstimate", "may not be negative");
    }
    if (report.recordsEstimate() != null && report.recordsEstimate() < 0) {
      errors.add("recordsEstimate", "may not be negative");
    }
    errors.throwIfAny();
    return categories;
  }
}
