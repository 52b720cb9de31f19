package nl.ymere.privacy.access;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.ymere.privacy.mail.OrganisationDetails;
import nl.ymere.privacy.personaldata.AccessPurpose;
import nl.ymere.privacy.personaldata.LegalBasis;
import nl.ymere.privacy.personaldata.PersonalDataItem;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.identity.IdentityGate;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The access dossier (ACC-1) as a PDF made with OpenPDF: per item given its data, purpose, category, legal basis,
 * recipients, origin and retention; redacted items with the third party's parts replaced by {@link #REDACTION_MARKER}
 * (ACC-3, Art 15(4)); withheld items left out (the letter names the grounds, ACC-5); then the person's rights.
 * Stored in {@code privacy.access_dossier} and listed as a document of the request ({@code ACCESS_DOSSIER}).
 */
@Service
class AccessDossierService {

  static final String REDACTION_MARKER = "[afgeschermd]";
  static final String DOCUMENT_TYPE = "ACCESS_DOSSIER";
  static final String TEMPLATE_VERSION = "1";
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));

  private final AccessReviewService review;
  private final AccessRepository repository;
  private final PersonalDataSources sources;
  private final RequestRecords requests;
  private final OrganisationDetails organisation;
  private final Clock clock;
  private final AccessExemptionApprovals approvals;
  private final IdentityGate identity;

  AccessDossierService(AccessReviewService review, AccessRepository repository, PersonalDataSources sources,
      RequestRecords requests, OrganisationDetails organisation, Clock clock, AccessExemptionApprovals approvals,
      IdentityGate identity) {
    this.approvals = approvals;
    this.identity = identity;
    this.review = review;
    this.repository = repository;
    this.sources = sources;
    this.requests = requests;
    this.organisation = organisation;
    this.clock = clock;
  }

  /** Compiles and stores the dossier; content is read by the system reader (see {@link AccessSubjects}). */
  @Transactional
  public byte[] compile(String reference) {
    // ID-1 and ACC-4 on the product's tables: identity established, withheld items approved by a second person
    identity.requireEstablished(reference);
    approvals.requireApprovedWhenWithheld(reference);
    RequestRecord request = requests.getByReference(reference);
    byte[] pdf = render(request, review.items(reference));
    repository.saveDossier(reference, pdf, clock.instant());
    requests.addDocument(request.id(), DOCUMENT_TYPE, TEMPLATE_VERSION, clock.instant(), "access-dossier");
    requests.addEvent(request.id(), clock.instant(), "ACCESS_DOSSIER_COMPILED", AccessSubjects.SYSTEM_READER.userId());
    return pdf;
  }

  private byte[] render(RequestRecord request, List<AccessItemRow> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 50, 50, 50, 50);
    Font title = new Font(Font.HELVETICA, 16, Font.BOLD);
    Font heading = new Font(Font.HELVETICA, 12, Font.BOLD);
    Font body = new Font(Font.HELVETICA, 10);
    try {
      PdfWriter.getInstance(document, out);
      document.open();
      document.add(new Paragraph("Inzage in uw persoonsgegevens", title));
      document.add(new Paragraph(organisation.name() + " - verzoek " + request.reference() + ", ontvangen op "
          + DATE.format(request.receivedOn()) + ", dossier opgesteld op "
          + DATE.format(clock.instant().atZone(java.time.ZoneId.of("Europe/Amsterdam")).toLocalDate()), body));
      document.add(new Paragraph("Hieronder staan de persoonsgegevens die wij van u verwerken, per systeem, met het "
          + "doel, de grondslag, de ontvangers, de herkomst en de bewaartermijn (artikel 15 AVG). Gegevens van anderen "
          + "zijn afgeschermd met " + REDACTION_MARKER + ".", body));
      // ACC-2 record: the systems searched
      document.add(new Paragraph("Doorzochte systemen: " + String.join(", ", sources.all().stream()
          .map(source -> source.displayName()).toList()) + ".", body));
      int number = 0;
      for (AccessItemRow row : rows) {
        if (row.decision() == AccessDecision.WITHHOLD) {
          continue; // ACC-5: omitted here; the letter names the grounds without the content
        }
        PersonalDataItem item = review.describe(row.ref());
        Map<String, String> fields = sources.export(row.ref(), AccessPurpose.ACCESS_REQUEST,
            AccessSubjects.SYSTEM_READER);
        if (row.decision() == AccessDecision.REDACT) {
          fields = redact(fields, row);
        }
        number++;
        document.add(new Paragraph(" ", body));
        document.add(new Paragraph(number + ". " + sources.source(row.system()).displayName() + ": "
            + item.category(), heading));
        document.add(new Paragraph("Doel: " + item.purpose(), body));
        document.add(new Paragraph("Grondslag: " + legalBasis(item.legalBasis()), body));
        document.add(new Paragraph("Herkomst: " + item.origin(), body));
        document.add(new Paragraph("Ontvangers: " + (item.recipients().isEmpty()
            ? "geen ontvangers buiten " + organisation.name() : String.join("; ", item.recipients())), body));
        document.add(new Paragraph("Bewaartermijn: " + item.retention().rule()
            + (item.retention().endDate() == null ? "" : " (tot " + DATE.format(item.retention().endDate()) + ")"),
            body));
        document.add(new Paragraph("Gegevens:", body));
        for (Map.Entry<String, String> field : DossierFields.shown(fields).entrySet()) {
          document.add(new Paragraph("    " + field.getKey() + ": " + field.getValue(), body));
        }
      }
      if (number == 0) {
        document.add(new Paragraph("Wij verstrekken in dit dossier geen gegevens; zie onze brief.", body));
      }
      document.add(new Paragraph(" ", body));
      document.add(new Paragraph("Geautomatiseerde besluiten", heading));
      document.add(new Paragraph("Wij nemen over u geen besluiten die uitsluitend geautomatiseerd tot stand komen "
          + "(artikel 22 AVG): een signaal uit een risicomodel wordt altijd door medewerkers beoordeeld. U kunt ons "
          + "vragen welke logica en welke gegevens daarbij zijn gebruikt (ACC-1).", body));
      document.add(new Paragraph(" ", body));
      document.add(new Paragraph("Uw rechten", heading));
      for (String right : RIGHTS) {
        document.add(new Paragraph("- " + right, body));
      }
      document.add(new Paragraph("Vragen? " + organisation.privacyEmail(), body));
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("the access dossier could not be rendered", e);
    }
    return out.toByteArray();
  }

  /** Replaces the named fields entirely and every named text passage anywhere by the marker (ACC-3). */
  static Map<String, String> redact(Map<String, String> fields, AccessItemRow row) {
    Map<String, String> redacted = new LinkedHashMap<>();
    fields.forEach((name, value) -> {
      String shown = row.redactFields().contains(name) ? REDACTION_MARKER : value;
      for (String passage : row.redactTexts()) {
        shown = shown.replace(passage, REDACTION_MARKER);
      }
      redacted.put(name, shown);
    });
    return redacted;
  }

  private static String legalBasis(LegalBasis basis) {
    return switch (basis) {
      case CONSENT -> "toestemming (artikel 6 lid 1 sub a AVG)";
      case CONTRACT -> "uitvoering van de overeenkomst (artikel 6 lid 1 sub b AVG)";
      case LEGAL_OBLIGATION -> "wettelijke verplichting (artikel 6 lid 1 sub c AVG)";
      case LEGITIMATE_INTEREST -> "gerechtvaardigd belang (artikel 6 lid 1 sub f AVG)";
      case PUBLIC_TASK -> "taak van algemeen belang (artikel 6 lid 1 sub e AVG)";
    };
  }

  /** ACC-1: the rights the answer names. */
  private static final List<String> RIGHTS = List.of(
      "Rectificatie: u kunt ons vragen onjuiste of onvolledige gegevens te verbeteren of aan te vullen (artikel 16 AVG).",
      "Wissing: u kunt ons vragen gegevens te wissen (artikel 17 AVG).",
      "Beperking: u kunt ons vragen de verwerking tijdelijk te beperken (artikel 18 AVG).",
      "Bezwaar: u kunt bezwaar maken tegen verwerking op grond van gerechtvaardigd belang of algemeen belang, en "
          + "altijd tegen direct marketing (artikel 21 AVG).",
      "Klacht: u kunt een klacht indienen bij de Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl).");
}
