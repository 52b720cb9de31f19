package nl.ymere.privacy.access;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ymere.privacy.deadline.DeadlineCalculator;
import nl.ymere.privacy.identity.IdentityCheckService;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.request.LetterType;
import nl.ymere.privacy.request.RequestLetters;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collecting the access dossier at the office (ACC-2, ID-5): the desk plans the appointment (date, time, place;
 * on a working day within office hours, not in the past), the invitation goes out, and at the appointment the desk
 * checks the ID again before handing the dossier over; only the document type is recorded (ID-3), never its number.
 * A no-show is recorded too, after which the desk agrees a new delivery with the person.
 */
@Service
class AccessAppointmentService {

  static final String HANDED_OVER = "HANDED_OVER";
  static final String NO_SHOW = "NO_SHOW";
  static final int MAX_PLACE = 120;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final AccessDeliveryRepository repository;
  private final RequestRecords requests;
  private final RequestLetters letters;
  private final DeadlineCalculator calendar;
  private final AccessProperties properties;
  private final Clock clock;

  AccessAppointmentService(AccessDeliveryRepository repository, RequestRecords requests, RequestLetters letters,
      DeadlineCalculator calendar, AccessProperties properties, Clock clock) {
    this.repository = repository;
    this.requests = requests;
    this.letters = letters;
    this.calendar = calendar;
    this.properties = properties;
    this.clock = clock;
  }

  /** Records the appointment; bad input is refused with every problem named and nothing stored. */
  @Transactional
  public void plan(String reference, String date, String time, String place, String user) {
    RequestRecord request = requests.getByReference(reference);
    List<String> errors = new ArrayList<>();
    LocalDate day = parse(date, LocalDate::parse, "Vul een geldige datum in (JJJJ-MM-DD).", errors);
    LocalTime at = parse(time, text -> LocalTime.parse(text.length() > 5 ? text.substring(0, 5) : text),
        "Vul een geldige tijd in (UU:MM).", errors);
    String where = place == null || place.isBlank() ? null : place.strip();
    if (where == null) {
      errors.add("Vul de plaats van de afspraak in (bijvoorbeeld het kantooradres).");
    } else if (where.length() > MAX_PLACE) {
      errors.add("De plaats is te lang (hoogstens " + MAX_PLACE + " tekens).");
    }
    Instant startsAt = null;
    if (day != null && at != null) {
      ZonedDateTime start = day.atTime(at).atZone(calendar.zone());
      startsAt = start.toInstant();
      if (!startsAt.isAfter(clock.instant())) {
        errors.add("De afspraak kan niet in het verleden liggen.");
      } else if (!calendar.isWorkingDay(day) || day.getDayOfWeek() == DayOfWeek.SATURDAY
          || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        errors.add("Het kantoor is op " + day + " gesloten: kies een werkdag.");
      }
      if (at.isBefore(properties.officeOpens()) || at.isAfter(properties.officeCloses())) {
        errors.add("Plan de afspraak binnen de openingstijden (" + TIME.format(properties.officeOpens()) + " tot "
            + TIME.format(properties.officeCloses()) + ").");
      }
    }
    if (!errors.isEmpty()) {
      throw new RefusedStepException(String.join(" ", errors));
    }
    repository.insertAppointment(reference, startsAt, where, user, clock.instant());
    requests.addEvent(request.id(), clock.instant(), "ACCESS_APPOINTMENT_PLANNED", user);
  }

  /** The invitation: date, time, place, and which ID documents to bring (ID-3, ID-5). */
  @Transactional
  public void sendInvitation(String reference) {
    RequestRecord request = requests.getByReference(reference);
    AccessDeliveryRepository.Appointment appointment = repository.latestAppointment(reference).orElseThrow(
        () -> new IllegalStateException("no appointment planned for " + reference));
    ZonedDateTime start = appointment.startsAt().atZone(calendar.zone());
    Map<String, Object> variables = new HashMap<>();
    variables.put("appointmentDate", start.toLocalDate());
    variables.put("appointmentTime", TIME.format(start));
    variables.put("appointmentPlace", appointment.place());
    letters.send(request, LetterType.ACCESS_APPOINTMENT, variables);
    requests.addEvent(request.id(), clock.instant(), "ACCESS_APPOINTMENT_INVITATION_SENT",
        AccessSubjects.SYSTEM_READER.userId());
  }

  /**
   * ID-5: the dossier is handed over only after the ID was checked again, recorded as one of the accepted document
   * types (ID-3); a no-show can be recorded once the appointment has begun.
   *
   * @return HANDED_OVER or NO_SHOW, the value of the process variable {@code appointmentResult}
   */
  @Transactional
  public String recordResult(String reference, String result, String documentType, String user) {
    RequestRecord request = requests.getByReference(reference);
    AccessDeliveryRepository.Appointment appointment = repository.latestAppointment(reference).orElseThrow(
        () -> new IllegalStateException("no appointment planned for " + reference));
    String outcome = result == null ? "" : result.strip();
    String document = documentType == null || documentType.isBlank() ? null : documentType.strip();
    Set<String> accepted = IdentityCheckService.acceptedDocumentTypes();
    if (HANDED_OVER.equals(outcome)) {
      if (document == null || !accepted.contains(document)) {
        throw new RefusedStepException("Het dossier wordt pas meegegeven als het identiteitsbewijs opnieuw is "
            + "gecontroleerd (ID-5): kies het getoonde document (paspoort, identiteitskaart, rijbewijs of "
            + "verblijfsdocument). Noteer geen documentnummer.");
      }
    } else if (NO_SHOW.equals(outcome)) {
      if (clock.instant().isBefore(appointment.startsAt())) {
        throw new RefusedStepException("'Niet verschenen' kan pas worden vastgelegd als de afspraak is begonnen.");
      }
      document = null;
    } else {
      throw new RefusedStepException("Geef aan of het dossier is overhandigd of dat de persoon niet is verschenen.");
    }
    repository.recordAppointmentResult(appointment.id(), outcome, document, user, clock.instant());
    requests.addEvent(request.id(), clock.instant(), HANDED_OVER.equals(outcome) ? "ACCESS_DOSSIER_HANDED_OVER"
        : "ACCESS_APPOINTMENT_NO_SHOW", user);
    return outcome;
  }

  private static <T> T parse(String text, java.util.function.Function<String, T> parser, String error,
      List<String> errors) {
    if (text == null || text.isBlank()) {
      errors.add(error);
      return null;
    }
    try {
      return parser.apply(text.strip());
    } catch (DateTimeParseException e) {
      errors.add(error);
      return null;
    }
  }
}
