package nl.ymere.privacy.consent;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import nl.ymere.privacy.personaldata.LegalBasis;
import nl.ymere.privacy.personaldata.PersonalDataSource;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.web.ApiConflictException;
import nl.ymere.privacy.web.ApiFieldError;
import nl.ymere.privacy.web.ApiNotFoundException;
import nl.ymere.privacy.web.ApiUnprocessableException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ROP-4: a purpose added after the first privacy statement. A privacy officer registers it (it is then in the register
 * of processing, unpublished, {@code needs_compatibility_test}); a compatibility test (Art 6(4) GDPR) is recorded for
 * it; only a COMPATIBLE outcome clears it, and only a statement version publishes it ({@link StatementVersions}).
 * Until both, the consent register refuses consent for it and the sharing gate refuses it ({@link ConsentLookup}).
 * Every check reads {@code privacy.purpose} and {@code privacy.purpose_compatibility_test}.
 */
@Service
public class PurposeRegistrations {

  /** A purpose as a privacy officer registers it (validated for form by the controller). */
  public record NewPurpose(String code, String nameNl, String nameEn, LegalBasis legalBasis, String basisNote,
      List<String> subjectCategories, List<String> dataCategories, List<String> sourceSystems,
      List<String> processKeys, String retention) {
  }

  /** The Art 6(4) factors and the outcome. */
  public record CompatibilityTest(String linkToPurposes, String collectionContext, String natureOfData,
      String consequences, String safeguards, Outcome outcome) {
  }

  public enum Outcome { COMPATIBLE, INCOMPATIBLE }

  /** A recorded test. */
  public record RecordedTest(String reference, String purposeCode, Outcome outcome, String recordedBy,
      Instant recordedAt) {
  }

  private final JdbcTemplate jdbc;
  private final ConsentRepository purposes;
  private final PersonalDataSources sources;
  private final Clock clock;

  PurposeRegistrations(JdbcTemplate jdbc, ConsentRepository purposes, PersonalDataSources sources, Clock clock) {
    this.jdbc = jdbc;
    this.purposes = purposes;
    this.sources = sources;
    this.clock = clock;
  }

  /**
   * @throws ApiConflictException when the code is taken
   * @throws ApiUnprocessableException for a source system no connected source has; nothing is stored
   */
  @Transactional
  public Purpose register(NewPurpose purpose, String user) {
    if (purposes.purpose(purpose.code()).isPresent()) {
      throw new ApiConflictException("Het doel " + purpose.code() + " bestaat al / purpose exists already");
    }
    List<String> known = sources.all().stream().map(PersonalDataSource::system).toList();
    List<String> unknown = purpose.sourceSystems().stream().filter(s -> !known.contains(s)).toList();
    if (!unknown.isEmpty()) {
      throw new ApiUnprocessableException("Onbekende bron / unknown source system " + unknown,
          List.of(new ApiFieldError("sourceSystems", "unknown: " + String.join(",", unknown))));
    }
    jdbc.update("INSERT INTO privacy.purpose (code, name_nl, name_en, legal_basis, basis_note, subject_categories, "
            + "data_categories, source_systems, process_keys, retention, compatibility_test_ref, statement_version, "
            + "created_at, needs_compatibility_test) VALUES (?,?,?,?,?,?,?,?,?,?,NULL,NULL,?,TRUE)",
        purpose.code(), purpose.nameNl(), purpose.nameEn(), purpose.legalBasis().name(), purpose.basisNote(),
        String.join(",", purpose.subjectCategories()), String.join(",", purpose.dataCategories()),
        String.join(",", purpose.sourceSystems()), String.join(",", purpose.processKeys()), purpose.retention(),
        Timestamp.from(clock.instant()));
    return purposes.purpose(purpose.code()).orElseThrow();
  }

  /**
   * Records a compatibility test; a COMPATIBLE outcome becomes the purpose's {@code compatibility_test_ref}.
   *
   * @throws ApiNotFoundException for an unknown purpose
   * @throws ApiConflictException when the purpose needs no test (published with the first statement) or was cleared
   *     by a test already
   */
  @Transactional
  public RecordedTest record(String purposeCode, CompatibilityTest test, String user) {
    Purpose purpose = purposes.purpose(purposeCode)
        .orElseThrow(() -> new ApiNotFoundException("Onbekend doel / no purpose " + purposeCode));
    if (!purpose.needsCompatibilityTest()) {
      throw new ApiConflictException("Het doel " + purposeCode + " is met de eerste privacyverklaring gepubliceerd en "
          + "heeft geen verenigbaarheidstoets nodig / this purpose needs no compatibility test");
    }
    if (purpose.compatibilityTestRef() != null) {
      throw new ApiConflictException("Het doel " + purposeCode + " heeft al een verenigbaarheidstoets "
          + purpose.compatibilityTestRef() + " / the purpose has a compatibility test already");
    }
    Instant now = clock.instant();
    Integer earlier = jdbc.queryForObject("SELECT COUNT(*) FROM privacy.purpose_compatibility_test "
        + "WHERE purpose_code = ?", Integer.class, purposeCode);
    String reference = "VT-%d-%s-%d".formatted(ZonedDateTime.ofInstant(now, clock.getZone()).getYear(), purposeCode,
        earlier + 1);
    jdbc.update("INSERT INTO privacy.purpose_compatibility_test (reference, purpose_code, link_to_purposes, "
            + "collection_context, nature_of_data, consequences, safeguards, outcome, recorded_by, recorded_at) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?)", reference, purposeCode, test.linkToPurposes(), test.collectionContext(),
        test.natureOfData(), test.consequences(), test.safeguards(), test.outcome().name(), user, Timestamp.from(now));
    if (test.outcome() == Outcome.COMPATIBLE) {
      jdbc.update("UPDATE privacy.purpose SET compatibility_test_ref = ? WHERE code = ? "
          + "AND compatibility_test_ref IS NULL", reference, purposeCode);
    }
    return find(reference).orElseThrow();
  }

  public Optional<RecordedTest> find(String reference) {
    return jdbc.query("SELECT reference, purpose_code, outcome, recorded_by, recorded_at FROM "
        + "privacy.purpose_compatibility_test WHERE reference = ?", (rs, n) -> new RecordedTest(
            rs.getString("reference"), rs.getString("purpose_code"), Outcome.valueOf(rs.getString("outcome")),
            rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant()), reference).stream().findFirst();
  }
}
