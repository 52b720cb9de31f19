package nl.ymere.privacy.consent;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.ymere.privacy.camera.CameraCodes;
import nl.ymere.privacy.camera.CameraProtocol;
import nl.ymere.privacy.camera.CameraProtocolService;
import nl.ymere.privacy.mail.OrganisationDetails;
import nl.ymere.privacy.personaldata.PersonalDataSource;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.processor.AgreementRecord;
import nl.ymere.privacy.processor.ProcessorRegister;
import nl.ymere.privacy.processor.TransferZone;
import nl.ymere.privacy.retention.RetentionSchedule;
import nl.ymere.privacy.consent.StatementVersions.StatementVersion;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of processing activities (Art 30(1) GDPR, ROP-1), generated at every request from what the product
 * holds, so it cannot drift from what runs: the purposes with their one legal basis (ROP-3), subject and data
 * categories, the sources (personal-data systems) and their retention (RET-1; the approved retention schedule's
 * entries for the purpose's sources, the purposes table's rule where the schedule has none), the consent text in
 * force for consent-based purposes, the recipients and processors with their transfer zone and safeguards
 * (processor register, PRC-4), the processes implementing each purpose with the deployed versions, the privacy
 * statement's versions and the one each purpose was published in (ROP-4), and the security measures from
 * configuration (Art 30(1)(g)). Every deployed process key and
 * every connected source is listed; {@code ProcessingRegisterTest} fails when one is missing.
 */
@Service
public class ProcessingRegister {

  private final ConsentRepository repository;
  private final PersonalDataSources sources;
  private final ProcessorRegister processors;
  private final RepositoryService repositoryService;
  private final OrganisationDetails organisation;
  private final Clock clock;
  private final String securityMeasures;
  private final CameraProtocolService cameras;
  private final RegisterVersions versions;
  private final StatementVersions statements;
  private final RetentionSchedule retentionSchedule;

  ProcessingRegister(ConsentRepository repository, PersonalDataSources sources, ProcessorRegister processors,
      RepositoryService repositoryService, OrganisationDetails organisation, Clock clock, CameraProtocolService cameras,
      RegisterVersions versions, StatementVersions statements, RetentionSchedule retentionSchedule,
      @Value("${privacy.register.security-measures:Toegang per rol en alleen wat nodig is (SEC-1), elke inzage in "
          + "bijzondere gegevens gelogd, versleutelde verbindingen, tweede persoon bij besluiten (vier ogen), "
          + "bewaartermijnen en opschoning van de procesgeschiedenis, meldplicht datalekken binnen 72 uur.}")
      String securityMeasures) {
    this.repository = repository;
    this.sources = sources;
    this.processors = processors;
    this.repositoryService = repositoryService;
    this.organisation = organisation;
    this.clock = clock;
    this.securityMeasures = securityMeasures;
    this.cameras = cameras;
    this.versions = versions;
    this.statements = statements;
    this.retentionSchedule = retentionSchedule;
  }

  /** The register as JSON-ready maps, in a stable order. */
  @Transactional(readOnly = true)
  public Map<String, Object> generate() {
    Map<String, Object> register = new LinkedHashMap<>();
    Map<String, Object> controller = new LinkedHashMap<>();
    controller.put("name", organisation.name());
    controller.put("postalAddress", organisation.postalAddress());
    controller.put("privacyEmail", organisation.privacyEmail());
    controller.put("dataProtectionOfficer", organisation.fgContact());
    register.put("controller", controller);
    register.put("statementVersion", organisation.statementVersion());
    register.put("statementDate", organisation.statementDate() == null ? null
        : organisation.statementDate().toString());
    // ROP-4: the statement's registered versions with their changes; the configured one should be among the approved
    List<StatementVersion> statementVersions = statements.all();
    register.put("statementVersionRegistered", statementVersions.stream()
        .anyMatch(v -> v.approved() && v.version().equals(organisation.statementVersion())));
    register.put("statementVersions", statementVersions.stream().map(RegisterMaintenanceController::view).toList());
    register.put("generatedAt", clock.instant().toString());
    // ROP-1: the approved versions of the register, newest first (what changed, prepared and approved by, when)
    register.put("versions", versions.approved().stream().map(ProcessingRegisterController::view).toList());
    Map<String, ProcessDefinition> deployed = deployedProcesses();
    List<AgreementRecord> agreements = processors.all();
    List<Purpose> purposes = repository.purposes();
    List<Map<String, Object>> purposeRows = new ArrayList<>();
    LocalDate today = LocalDate.now(clock);
    for (Purpose purpose : purposes) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("code", purpose.code());
      row.put("name", purpose.nameNl());
      row.put("nameEn", purpose.nameEn());
      row.put("legalBasis", purpose.legalBasis().name());
      row.put("basisNote", purpose.basisNote());
      row.put("subjectCategories", purpose.subjectCategories());
      row.put("dataCategories", purpose.dataCategories());
      row.put("sources", purpose.sourceSystems().stream().map(this::source).toList());
      // RET-1: the approved retention schedule's entries for the purpose's sources where they exist, else the rule
      // the purposes table states
      List<Map<String, Object>> schedule = retentionEntries(purpose, today);
      row.put("retention", schedule.isEmpty() ? purpose.retention() : String.join("; ", schedule.stream()
          .map(e -> e.get("system") + "/" + e.get("category") + ": " + e.get("period")).toList()));
      row.put("retentionFrom", schedule.isEmpty() ? "PURPOSE" : "RETENTION_SCHEDULE");
      row.put("retentionSchedule", schedule);
      row.put("compatibilityTest", purpose.compatibilityTestRef());
      row.put("awaitsCompatibilityTest", purpose.awaitsCompatibilityTest());
      row.put("published", purpose.published());
      row.put("publishedInStatement", purpose.statementVersion());
      row.put("publishedOn", statementVersions.stream().filter(v -> v.version().equals(purpose.statementVersion()))
          .findFirst().map(v -> v.publishedOn().toString()).orElse(null));
      Optional<ConsentText> text = repository.currentText(purpose.code(), clock.instant());
      row.put("consentTextVersion", text.map(ConsentText::version).orElse(null));
      row.put("recipients", agreements.stream().filter(a -> a.purposes().contains(purpose.code()))
          .map(this::recipient).toList());
      row.put("processes", purpose.processKeys().stream().map(key -> process(key, deployed.get(key))).toList());
      purposeRows.add(row);
    }
    register.put("purposes", purposeRows);
    register.put("sources", sources.all().stream().map(source -> {
      Map<String, Object> row = source(source.system());
      row.put("purposes", purposes.stream().filter(p -> p.sourceSystems().contains(source.system()))
          .map(Purpose::code).toList());
      return row;
    }).toList());
    register.put("processes", deployed.values().stream().map(definition -> {
      Map<String, Object> row = process(definition.getKey(), definition);
      row.put("purposes", purposes.stream().filter(p -> p.processKeys().contains(definition.getKey()))
          .map(Purpose::code).toList());
      return row;
    }).toList());
    register.put("transfersOutsideEea", agreements.stream()
        .filter(a -> a.transferZone() != null && a.transferZone() != TransferZone.EEA).map(this::recipient).toList());
    // the camera register's active cameras with their DPIA screening outcome (CAM-3, Art 35)
    register.put("cameras", cameras.register(CameraCodes.Status.ACTIVE).stream().map(this::camera).toList());
    register.put("securityMeasures", securityMeasures);
    return register;
  }

  /** The same register as a printable PDF for privacy officers and the FG. */
  @Transactional(readOnly = true)
  @SuppressWarnings("unchecked")
  public byte[] pdf() {
    Map<String, Object> register = generate();
    Document document = new Document(PageSize.A4, 50, 50, 50, 50);
    Font title = new Font(Font.HELVETICA, 16, Font.BOLD);
    Font heading = new Font(Font.HELVETICA, 12, Font.BOLD);
    Font body = new Font(Font.HELVETICA, 9);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfWriter.getInstance(document, out);
      document.open();
      document.add(new Paragraph("Register van verwerkingsactiviteiten (art. 30 AVG)", title));
      document.add(new Paragraph(organisation.name() + " - privacyverklaring " + organisation.statementVersion()
          + (organisation.statementDate() == null ? "" : " van " + organisation.statementDate())
          + " - gemaakt op " + register.get("generatedAt"), body));
      document.add(new Paragraph("Functionaris gegevensbescherming: " + organisation.fgContact(), body));
      for (Map<String, Object> purpose : (List<Map<String, Object>>) register.get("purposes")) {
        document.add(new Paragraph(" ", body));
        document.add(new Paragraph(purpose.get("code") + " - " + purpose.get("name"), heading));
        document.add(new Paragraph("Grondslag: " + purpose.get("legalBasis") + " (" + purpose.get("basisNote") + ")",
            body));
        document.add(new Paragraph("Betrokkenen: " + String.join(", ", (List<String>) purpose.get("subjectCategories")),
            body));
        document.add(new Paragraph("Gegevens: " + String.join(", ", (List<String>) purpose.get("dataCategories")),
            body));
        document.add(new Paragraph("Bronnen: " + ((List<Map<String, Object>>) purpose.get("sources")).stream()
            .map(s -> s.get("system") + " (" + s.get("name") + ")").reduce((a, b) -> a + ", " + b).orElse("-"),
            body));
        document.add(new Paragraph("Bewaartermijn" + ("RETENTION_SCHEDULE".equals(purpose.get("retentionFrom"))
            ? " (bewaartermijnenlijst)" : "") + ": " + purpose.get("retention"), body));
        if (purpose.get("consentTextVersion") != null) {
          document.add(new Paragraph("Toestemmingstekst versie " + purpose.get("consentTextVersion"), body));
        }
        document.add(new Paragraph("Ontvangers en verwerkers: " + ((List<Map<String, Object>>) purpose
            .get("recipients")).stream().map(r -> r.get("name") + " (" + r.get("agreementReference") + ", "
                + r.get("transferZone") + ")").reduce((a, b) -> a + ", " + b).orElse("geen"), body));
        document.add(new Paragraph("Processen: " + ((List<Map<String, Object>>) purpose.get("processes")).stream()
            .map(p -> p.get("key") + " v" + p.get("version")).reduce((a, b) -> a + ", " + b).orElse("-"), body));
        document.add(new Paragraph(purpose.get("publishedInStatement") == null
            ? "Nog niet gepubliceerd in de privacyverklaring (niet in gebruik)"
            : "Gepubliceerd in privacyverklaring " + purpose.get("publishedInStatement")
                + (purpose.get("publishedOn") == null ? "" : " van " + purpose.get("publishedOn")), body));
        if (Boolean.TRUE.equals(purpose.get("awaitsCompatibilityTest"))) {
          document.add(new Paragraph("Verenigbaarheidstoets ontbreekt (ROP-4): niet in gebruik", body));
        }
      }
      document.add(new Paragraph(" ", body));
      document.add(new Paragraph("Versies van de privacyverklaring", heading));
      for (Map<String, Object> version : (List<Map<String, Object>>) register.get("statementVersions")) {
        document.add(new Paragraph(version.get("version") + " van " + version.get("publishedOn") + ": "
            + version.get("changes") + (version.get("approvedBy") == null ? " (nog niet goedgekeurd)" : ""), body));
      }
      document.add(new Paragraph(" ", body));
      document.add(new Paragraph("Doorgifte buiten de EER", heading));
      List<Map<String, Object>> transfers = (List<Map<String, Object>>) register.get("transfersOutsideEea");
      document.add(new Paragraph(transfers.isEmpty() ? "Geen." : transfers.stream()
          .map(t -> t.get("name") + " (" + t.get("processingCountry") + ", " + t.get("transferZone") + ", SCC-module "
              + t.get("sccModule") + ", TIA " + t.get("tiaReference") + ")").reduce((a, b) -> a + "; " + b)
          .orElse(""), body));
      document.add(new Paragraph(" ", body));
      document.add(new Paragraph("Camera's en DPIA's", heading));
      List<Map<String, Object>> cameraRows = (List<Map<String, Object>>) register.get("cameras");
      document.add(new Paragraph(cameraRows.isEmpty() ? "Geen actieve camera's." : cameraRows.stream()
          .map(c -> c.get("reference") + " (" + c.get("purpose") + ", " + c.get("areaType") + ", bewaren "
              + c.get("retentionHours") + " uur, DPIA-screening " + c.get("dpiaOutcome") + ")")
          .reduce((a, b) -> a + "; " + b).orElse(""), body));
      document.add(new Paragraph(" ", body));
      document.add(new Paragraph("Beveiligingsmaatregelen", heading));
      document.add(new Paragraph(securityMeasures, body));
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("The register PDF could not be made", e);
    }
    return out.toByteArray();
  }

  /** The approved schedule entries in force today for every retention category of the purpose's sources. */
  private List<Map<String, Object>> retentionEntries(Purpose purpose, LocalDate today) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String system : purpose.sourceSystems()) {
      List<String> categories = sources.all().stream().filter(s -> s.system().equals(system)).findFirst()
          .map(PersonalDataSource::retentionCategories).orElse(List.of());
      for (String category : categories) {
        retentionSchedule.current(system, category, today).ifPresent(entry -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("system", system);
          row.put("category", category);
          row.put("version", entry.version());
          row.put("period", entry.periodInWords());
          row.put("endAction", entry.endAction().name());
          row.put("statutorySource", entry.statutorySource());
          row.put("validFrom", entry.validFrom().toString());
          rows.add(row);
        });
      }
    }
    return rows;
  }

  private Map<String, Object> camera(CameraProtocol camera) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("reference", camera.reference());
    row.put("purpose", camera.purpose());
    row.put("locationType", camera.locationType());
    row.put("areaType", camera.areaType());
    row.put("covert", camera.covert());
    row.put("retentionHours", camera.retentionHours());
    row.put("dpiaOutcome", camera.dpiaOutcome());
    row.put("approvedBy", camera.approvedBy());
    row.put("activatedOn", camera.activatedOn() == null ? null : camera.activatedOn().toString());
    row.put("expiresOn", camera.expiresOn() == null ? null : camera.expiresOn().toString());
    return row;
  }

  private Map<String, ProcessDefinition> deployedProcesses() {
    Map<String, ProcessDefinition> deployed = new java.util.TreeMap<>();
    repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
        .sorted(Comparator.comparing(ProcessDefinition::getKey))
        .forEach(definition -> deployed.put(definition.getKey(), definition));
    return deployed;
  }

  private Map<String, Object> source(String system) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("system", system);
    row.put("name", sources.all().stream().filter(s -> s.system().equals(system)).findFirst()
        .map(PersonalDataSource::displayName).orElse(null));
    return row;
  }

  private Map<String, Object> recipient(AgreementRecord agreement) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("party", agreement.partyCode());
    row.put("name", agreement.partyName());
    row.put("agreementReference", agreement.reference());
    row.put("kind", agreement.kind() == null ? null : agreement.kind().name());
    row.put("role", agreement.role() == null ? null : agreement.role().name());
    row.put("status", agreement.status().name());
    row.put("inForce", processors.inForce(agreement));
    row.put("processingCountry", agreement.processingCountry());
    row.put("transferZone", agreement.transferZone() == null ? null : agreement.transferZone().name());
    row.put("sccModule", agreement.sccModule());
    row.put("tiaReference", agreement.tiaReference());
    return row;
  }

  private static Map<String, Object> process(String key, ProcessDefinition definition) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("key", key);
    row.put("name", definition == null ? null : definition.getName());
    row.put("version", definition == null ? null : definition.getVersion());
    row.put("versionTag", definition == null ? null : definition.getVersionTag());
    return row;
  }
}
