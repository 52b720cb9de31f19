package nl.ymere.privacy.disclosure;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.ymere.privacy.mail.OutboxService;
import nl.ymere.privacy.mail.RecipientRole;
import nl.ymere.privacy.personaldata.AccessPurpose;
import nl.ymere.privacy.personaldata.DataReader;
import nl.ymere.privacy.personaldata.ItemRef;
import nl.ymere.privacy.personaldata.PersonalDataItem;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.personaldata.SubjectKey;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.process.RefusedStepException.Kind;
import nl.ymere.privacy.processor.PartyDisclosures;
import nl.ymere.privacy.web.ApiFieldErrors;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compelled disclosure (PRC-7, UAVG art 41): every step checks its preconditions in the disclosure tables, never in
 * process variables (DESIGN principle 9). A demand is disclosed only when the requester was verified through a known
 * channel and the named basis obliges the corporation and covers what is asked; only the selected items go out, after
 * a second person approved the selection, through the sharing gate (the recipient must be registered with an
 * agreement or covenant in force for {@link DisclosureDemandProcess#PURPOSE} and the categories), and the disclosure
 * is logged in the register. Messages hold references only (SEC-3).
 */
@Service
public class DisclosureService {

  static final String REFUSAL_TEMPLATE = "disclosure-refusal";
  static final String DISCLOSURE_TEMPLATE = "disclosure-demand-answer";
  static final String PERSON_NOTICE_TEMPLATE = "disclosure-person-notice";
  /** UAVG art 41: a deferral of the person's notice is reviewed on a date chosen with its ground, at most this far. */
  static final Period MAX_DEFERRAL = Period.ofMonths(12);
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final DisclosureRepository demands;
  private final PersonalDataSources sources;
  private final PartyDisclosures disclosures;
  private final OutboxService outbox;
  private final IdentityService identityService;
  private final Clock clock;

  DisclosureService(DisclosureRepository demands, PersonalDataSources sources, PartyDisclosures disclosures,
      OutboxService outbox, IdentityService identityService, Clock clock) {
    this.demands = demands;
    this.sources = sources;
    this.disclosures = disclosures;
    this.outbox = outbox;
    this.identityService = identityService;
    this.clock = clock;
  }

  /** Validates and stores the demand (nothing stored when refused, principle 7). */
  @Transactional
  public DisclosureDemand store(RegisterDemandCommand c, String user) {
    ApiFieldErrors errors = new ApiFieldErrors();
    if (c == null) {
      errors.add("requesterKind", "is required").throwIfAny();
    }
    LocalDate today = LocalDate.now(clock.withZone(AMSTERDAM));
    if (c.receivedOn() != null && c.receivedOn().isAfter(today)) {
      errors.add("receivedOn", "lies in the future");
    }
    if (c.requesterKind() == null) {
      errors.add("requesterKind", "is required (one of POLICE, MUNICIPALITY, BAILIFF, TAX_AUTHORITY, COURT)");
    }
    if (blank(c.partyCode()) || c.partyCode().length() > 60) {
      errors.add("partyCode", "is required: the registered party that sent the demand");
    }
    if (blank(c.replyEmail()) || c.replyEmail().length() > 320 || !EMAIL.matcher(c.replyEmail().strip()).matches()) {
      errors.add("replyEmail", "is required and must be an e-mail address");
    }
    if (c.legalBasisText() != null && c.legalBasisText().length() > 500) {
      errors.add("legalBasisText", "is longer than 500 characters");
    }
    if (c.subject() == null || (blank(c.subject().email()) && blank(c.subject().tenancyNumber()))) {
      errors.add("subject", "an e-mail address or a tenancy number of the person is required");
    } else if (!blank(c.subject().email()) && !EMAIL.matcher(c.subject().email().strip()).matches()) {
      errors.add("subject.email", "is not a valid e-mail address");
    }
    if (blank(c.demandText())) {
      errors.add("demandText", "is required: the written demand");
    } else if (c.demandText().length() > 100_000) {
      errors.add("demandText", "is longer than 100000 characters");
    }
    errors.throwIfAny();
    String reference = "VS-" + today.getYear() + "-" + String.format("%06d", demands.nextReferenceNumber());
    demands.insert(reference, c, c.receivedOn() == null ? today : c.receivedOn(), user, clock.instant());
    return demands.get(reference);
  }

  void setProcessInstanceId(String reference, String id) {
    demands.setProcessInstanceId(reference, id);
  }

  @Transactional(readOnly = true)
  public Optional<DisclosureDemand> find(String reference) {
    return demands.find(reference);
  }

  @Transactional(readOnly = true)
  public List<Map<String, Object>> register() {
    return demands.register();
  }

  /**
   * PRC-7: the requester verified through a known channel (not the demand's reply address) and the basis checked.
   * Valid only when verified, a statutory basis for this kind of body is named, and the officer confirms that it
   * obliges the corporation and covers the data asked for; otherwise the refusal needs its reasons.
   */
  @Transactional
  public boolean check(String reference, boolean requesterVerified, String verificationNote, boolean basisObliges,
      boolean withinBasis, String refusalReason, String user) {
    DisclosureDemand demand = demands.get(reference);
    if (!"REGISTERED".equals(demand.status())) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Vordering " + reference + " is al beoordeeld.");
    }
    if (requesterVerified && verificationNote == null) {
      throw new RefusedStepException("Leg vast via welk bekend kanaal de verzoeker is geverifieerd (niet het "
          + "antwoordadres van de vordering).");
    }
    DemandLegalBasis basis = demand.legalBasis() == null ? null : DemandLegalBasis.valueOf(demand.legalBasis());
    boolean valid = requesterVerified && basis != null
        && basis.availableTo(DemandLegalBasis.RequesterKind.valueOf(demand.requesterKind()))
        && basisObliges && withinBasis;
    String reason = refusalReason;
    if (!valid && reason == null) {
      reason = basis == null ? "De vordering noemt geen wettelijke grondslag die ons verplicht gegevens te verstrekken."
          : !requesterVerified ? "De verzoeker kon niet via een bekend kanaal worden geverifieerd."
          : "De genoemde grondslag verplicht ons niet tot verstrekking van de gevraagde gegevens.";
    }
    demands.checked(demand.id(), valid, verificationNote, valid ? null : reason, user, clock.instant());
    return valid;
  }

  /** A demand without a valid basis: the refusal letter to the requester with the reasons (no personal data). */
  @Transactional
  public void refuse(String reference) {
    DisclosureDemand demand = demands.get(reference);
    if (!Boolean.FALSE.equals(demand.basisValid())) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Vordering " + reference + " is niet afgewezen.");
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("reason", demand.refusalReason());
    model.put("receivedOn", demand.receivedOn());
    outbox.queue(reference, RecipientRole.AUTHORITY, demand.replyEmail(), REFUSAL_TEMPLATE, model);
    demands.status(demand.id(), "REFUSED");
  }

  /**
   * The minimum selection (PRC-7): item references ({@code system:itemId}, one per line) that belong to the person;
   * special-category and criminal items only for their teams and privacy officers (the read is logged, SEC-1).
   * The selector is the first of the four eyes.
   */
  @Transactional
  public void select(String reference, String selection, boolean deferNotice, String deferralGround,
      LocalDate deferralReviewOn, String user) {
    DisclosureDemand demand = demands.get(reference);
    if (!Boolean.TRUE.equals(demand.basisValid()) || !List.of("BASIS_VALID", "AWAITING_APPROVAL", "SENT_BACK")
        .contains(demand.status())) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Vordering " + reference + " heeft geen geldige grondslag; er "
          + "wordt niets geselecteerd.");
    }
    if (selection == null) {
      throw new RefusedStepException("Kies ten minste één gegeven (systeem:id per regel).");
    }
    DataReader reader = DataReader.current(identityService);
    SubjectKey subject = new SubjectKey(null, null, demand.subjectEmail(), demand.subjectTenancy());
    Map<ItemRef, PersonalDataItem> ofPerson = new LinkedHashMap<>();
    sources.findAll(subject, AccessPurpose.OVERSIGHT, reader).forEach(item -> ofPerson.put(item.ref(), item));
    List<DisclosureRepository.Item> items = new ArrayList<>();
    for (String line : selection.split("\\r?\\n|,")) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.strip().split(":", 2);
      PersonalDataItem item = parts.length == 2 ? ofPerson.get(new ItemRef(parts[0].strip(), parts[1].strip()))
          : null;
      if (item == null) {
        throw new RefusedStepException("Een gekozen gegeven hoort niet bij de persoon van deze vordering.");
      }
      items.add(new DisclosureRepository.Item(item.system(), item.itemId(), categoryCode(item), item.flagged()));
    }
    if (items.isEmpty()) {
      throw new RefusedStepException("Kies ten minste één gegeven (systeem:id per regel).");
    }
    if (deferNotice && deferralGround == null) {
      throw new RefusedStepException("Uitstel van het informeren van de persoon (art 41 UAVG) vraagt een grond.");
    }
    LocalDate today = LocalDate.now(clock.withZone(AMSTERDAM));
    if (deferNotice) {
      requireReviewDate(deferralReviewOn, today);
    }
    demands.selected(demand.id(), items, deferNotice, deferNotice ? deferralGround : null,
        deferNotice ? deferralReviewOn : null, user, clock.instant());
  }

  /** Four eyes (PRC-7): the approver is not the selector, checked against the disclosure table. */
  @Transactional
  public void decideApproval(String reference, boolean approved, String user) {
    DisclosureDemand demand = demands.get(reference);
    if (!"AWAITING_APPROVAL".equals(demand.status()) || demand.selectedBy() == null) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Vordering " + reference + " wacht niet op goedkeuring.");
    }
    if (user == null || user.equals(demand.selectedBy())) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Vier ogen: wie de gegevens voor vordering " + reference
          + " selecteerde, keurt de verstrekking niet goed.");
    }
    if (approved) {
      demands.approved(demand.id(), user, clock.instant());
    } else {
      demands.status(demand.id(), "SENT_BACK");
    }
  }

  /** Only the approved selection, through the sharing gate, logged in the disclosure register. */
  @Transactional
  public void disclose(String reference) {
    DisclosureDemand demand = demands.get(reference);
    if (!"APPROVED".equals(demand.status()) || demand.approvedBy() == null
        || demand.approvedBy().equals(demand.selectedBy()) || !Boolean.TRUE.equals(demand.basisValid())) {
      throw new RefusedStepException(Kind.NOT_ALLOWED, "Vordering " + reference + " is niet door een tweede "
          + "persoon goedgekeurd; er wordt niets verstrekt.");
    }
    List<DisclosureRepository.Item> items = demands.items(demand.id());
    // the step runs in the approver's completion: the approver reads the items to send (logged for flagged items)
    DataReader reader = DataReader.current(identityService);
    List<Map<String, Object>> contents = new ArrayList<>();
    for (DisclosureRepository.Item item : items) {
      Map<String, Object> content = new LinkedHashMap<>();
      content.put("category", item.category());
      content.put("fields", sources.export(new ItemRef(item.system(), item.itemId()), AccessPurpose.OVERSIGHT,
          reader));
      contents.add(content);
    }
    List<String> categories = items.stream().map(DisclosureRepository.Item::category).distinct().toList();
    DemandLegalBasis basis = DemandLegalBasis.valueOf(demand.legalBasis());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("items", contents);
    model.put("legalBasis", basis.citation());
    model.put("receivedOn", demand.receivedOn());
    disclosures.disclose(demand.partyCode(), DisclosureDemandProcess.PURPOSE, categories, reference,
        DISCLOSURE_TEMPLATE, model, demand.approvedBy());
    Instant now = clock.instant();
    demands.register(demand.id(), demand.partyCode(), basis.name(), String.join(",", categories), items.size(),
        LocalDate.ofInstant(now, AMSTERDAM), demand.selectedBy(), demand.approvedBy(), null);
    demands.disclosed(demand.id(), now);
  }

  /** Telling the person (the default; after a deferral once its ground lapsed). */
  @Transactional
  public void notifyPerson(String reference) {
    DisclosureDemand demand = demands.get(reference);
    if (demand.disclosedAt() == null || demand.personNotifiedAt() != null) {
      return;
    }
    if (demand.subjectEmail() != null) {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("categories", demands.items(demand.id()).stream().map(DisclosureRepository.Item::category).distinct()
          .toList());
      model.put("requesterKind", demand.requesterKind());
      model.put("disclosedOn", LocalDate.ofInstant(demand.disclosedAt(), AMSTERDAM));
      outbox.queue(reference, RecipientRole.DATA_SUBJECT, demand.subjectEmail(), PERSON_NOTICE_TEMPLATE, model);
    }
    demands.deferral(demand.id(), false, null);
    demands.notified(demand.id(), clock.instant());
  }

  /**
   * UAVG art 41: the ground is re-checked; still applies → the next review date the officer chose (within
   * {@link #MAX_DEFERRAL}), else the person is told.
   */
  @Transactional
  public boolean reviewDeferral(String reference, boolean stillApplies, LocalDate nextReviewOn) {
    DisclosureDemand demand = demands.get(reference);
    if (!demand.noticeDeferred() || demand.personNotifiedAt() != null) {
      throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, "Het informeren over vordering "
          + reference + " is niet uitgesteld.");
    }
    LocalDate today = LocalDate.now(clock.withZone(AMSTERDAM));
    if (stillApplies) {
      requireReviewDate(nextReviewOn, today);
    }
    demands.deferral(demand.id(), stillApplies, stillApplies ? nextReviewOn : null);
    return stillApplies;
  }

  /** A deferral runs until a chosen review date: after today and at most {@link #MAX_DEFERRAL} ahead. */
  private static void requireReviewDate(LocalDate reviewOn, LocalDate today) {
    if (reviewOn == null) {
      throw new RefusedStepException("Kies de datum waarop de grond voor uitstel opnieuw wordt beoordeeld.");
    }
    if (!reviewOn.isAfter(today) || reviewOn.isAfter(today.plus(MAX_DEFERRAL))) {
      throw new RefusedStepException("De herbeoordeling van het uitstel ligt na vandaag en uiterlijk "
          + today.plus(MAX_DEFERRAL) + " (ten hoogste 12 maanden).");
    }
  }

  public Date deferralReviewAt(String reference) {
    LocalDate on = demands.get(reference).deferralReviewOn();
    return Date.from(on.atTime(8, 0).atZone(AMSTERDAM).toInstant());
  }

  /**
   * The data category code under which the gate checks the recipient's registration (PRC-1): the source system in
   * upper case ({@code tenancy-contract} → {@code TENANCY_CONTRACT}), so a covenant names what a body may receive.
   */
  public static String categoryCode(PersonalDataItem item) {
    return item.system().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
