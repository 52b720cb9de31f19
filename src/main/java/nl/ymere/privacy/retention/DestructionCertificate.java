package nl.ymere.privacy.retention;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Service;

/**
 * The destruction certificate of a sweep (issue 17 item 2, RET-3): schedule versions applied, counts per category
 * and decision, the items held (with their hold) and kept back (with reason and review date) as references, who
 * reviewed each part and who approved, and the date. Counts and references only, never content. Rendered like the
 * access dossier (OpenPDF) and stored with the sweep.
 */
@Service
class DestructionCertificate {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
  private static final int LISTED_REFERENCES = 50;

  private final RetentionSweeps sweeps;
  private final Clock clock;

  DestructionCertificate(RetentionSweeps sweeps, Clock clock) {
    this.sweeps = sweeps;
    this.clock = clock;
  }

  /** Renders and stores the certificate; returns it. */
  byte[] issue(String reference) {
    byte[] pdf = render(reference);
    sweeps.storeCertificate(reference, pdf);
    return pdf;
  }

  byte[] render(String reference) {
    RetentionSweeps.Sweep sweep = sweeps.sweep(reference);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 50, 50, 50, 50);
    Font title = new Font(Font.HELVETICA, 16, Font.BOLD);
    Font heading = new Font(Font.HELVETICA, 12, Font.BOLD);
    Font body = new Font(Font.HELVETICA, 10);
    try {
      PdfWriter.getInstance(document, out);
      document.open();
      document.add(new Paragraph("Vernietigingsverklaring " + reference, title));
      document.add(new Paragraph("Bewaartermijncontrole van " + DATE.format(sweep.sweptOn()) + ", verklaring opgesteld op "
          + DATE.format(clock.instant().atZone(ZoneId.of("Europe/Amsterdam")).toLocalDate()) + ". Status: "
          + sweep.status() + ".", body));
      document.add(new Paragraph("Toegepaste bewaartermijnen", heading));
      for (RetentionSchedule.Entry entry : sweeps.scheduleVersions(reference)) {
        document.add(new Paragraph(entry.system() + " / " + entry.category() + ", versie " + entry.version() + ": "
            + entry.periodInWords() + (entry.statutorySource() == null ? "" : " (" + entry.statutorySource() + ")")
            + ", daarna " + entry.endAction().name(), body));
      }
      document.add(new Paragraph("Aantallen", heading));
      for (RetentionSweeps.Count count : sweeps.counts(reference)) {
        document.add(new Paragraph(count.system() + " / " + count.category() + " " + count.decision() + ": "
            + count.items(), body));
      }
      document.add(new Paragraph("Bewaard wegens bewaarplicht of verwerkingsbeperking", heading));
      for (RetentionSweeps.Line line : sweeps.lines(reference, "HELD", LISTED_REFERENCES)) {
        document.add(new Paragraph(line.system() + " " + line.itemId() + ": " + (line.legalHoldId() == null
            ? "verwerkingsbeperking (art 18 AVG)" : "legal hold " + line.legalHoldId()), body));
      }
      document.add(new Paragraph("Tegengehouden door de eigenaar", heading));
      for (RetentionSweeps.Line line : sweeps.lines(reference, "KEPT_BACK", LISTED_REFERENCES)) {
        document.add(new Paragraph(line.system() + " " + line.itemId() + ": opnieuw beoordelen op "
            + DATE.format(line.reviewOn()), body));
      }
      document.add(new Paragraph("Beoordeeld en goedgekeurd", heading));
      for (String[] review : sweeps.reviews(reference)) {
        document.add(new Paragraph("Deel van " + review[0] + " beoordeeld door " + review[1], body));
      }
      document.add(new Paragraph("Goedgekeurd door " + sweep.approvedBy() + " (vier ogen)", body));
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("destruction certificate " + reference + " could not be rendered", e);
    }
    return out.toByteArray();
  }
}
