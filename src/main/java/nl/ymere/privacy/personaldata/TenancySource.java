package nl.ymere.privacy.personaldata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tenancy administration (demo source): the tenancy contract (contract, Art 6(1)(b)) and the rent payments under it,
 * which are fiscal records kept seven years after the end of the fiscal year (AWR art 52, RET-1, ERA-2). A contract
 * is matched on tenancy number, e-mail or name with date of birth; its payments come with it.
 */
@Component
class TenancySource implements PersonalDataSource {

  static final String SYSTEM = "tenancy";
  /** Retention categories (RET-1): the contract, and the rent payments (fiscal records). */
  static final String CONTRACTS = "contract";
  static final String PAYMENTS = "payment";

  private final SourceTable contracts;
  private final SourceTable payments;
  private final JdbcTemplate jdbc;

  TenancySource(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.contracts = new SourceTable(jdbc, SYSTEM, "contract", "tenancy_contract",
        SourceTable.columns("tenancyNumber", "tenancy_number", "name", "tenant_name", "dateOfBirth", "date_of_birth",
            "email", "email", "phone", "phone", "address", "address", "startDate", "start_date",
            "endDate", "end_date", "monthlyRent", "monthly_rent", "preferredLanguage", "preferred_language"),
        Map.of("name", "tenant_name", "dateOfBirth", "date_of_birth", "email", "email", "phone", "phone",
            "address", "address"),
        "tenancy_number = NULL, tenant_name = NULL, date_of_birth = NULL, email = NULL, phone = NULL, "
            + "address = NULL, preferred_language = NULL, anonymised_at = CURRENT_TIMESTAMP");
    this.payments = new SourceTable(jdbc, SYSTEM, "payment", "rent_payment",
        SourceTable.columns("paidOn", "paid_on", "amount", "amount", "payerIban", "payer_iban",
            "paymentReference", "payment_reference"),
        Map.of("payerIban", "payer_iban"),
        "contract_id = NULL, payer_iban = NULL, payment_reference = NULL");
  }

  @Override
  public String system() {
    return SYSTEM;
  }

  @Override
  public List<String> retentionCategories() {
    return List.of(CONTRACTS, PAYMENTS);
  }

  /**
   * RET-1 triggers: a contract's period runs from the end of the tenancy (only ended contracts), a payment's from the
   * end of its fiscal year (31 December of the year it was paid).
   */
  @Override
  public List<RetentionCandidate> retentionCandidates(String category, LocalDate latestTrigger, long afterPosition,
      int limit) {
    if (category.equals(CONTRACTS)) {
      return contracts.query("SELECT id, end_date, email, tenancy_number, restricted FROM privacy.tenancy_contract "
              + "WHERE anonymised_at IS NULL AND end_date IS NOT NULL AND end_date <= ? AND id > ? "
              // a contract with rent payments left waits for them (fiscal records of their own, see anonymise)
              + "AND NOT EXISTS (SELECT 1 FROM privacy.rent_payment p WHERE p.contract_id = tenancy_contract.id) "
              + "ORDER BY id LIMIT ?",
          (rs, n) -> new RetentionCandidate(contracts.itemId(rs.getLong("id")), rs.getLong("id"),
              SourceTable.date(rs, "end_date"), rs.getString("email"), rs.getString("tenancy_number"),
              rs.getBoolean("restricted")),
          java.sql.Date.valueOf(latestTrigger), afterPosition, limit);
    }
    if (category.equals(PAYMENTS)) {
      // the fiscal year of a payment ends on 31 December: ended on latestTrigger when paid before this bound
      LocalDate bound = latestTrigger.getMonthValue() == 12 && latestTrigger.getDayOfMonth() == 31
          ? latestTrigger.plusDays(1) : latestTrigger.withDayOfYear(1);
      return payments.query("SELECT p.id, p.paid_on, c.email, c.tenancy_number, p.restricted "
              + "FROM privacy.rent_payment p JOIN privacy.tenancy_contract c ON c.id = p.contract_id "
              + "WHERE p.paid_on < ? AND p.id > ? ORDER BY p.id LIMIT ?",
          (rs, n) -> new RetentionCandidate(payments.itemId(rs.getLong("id")), rs.getLong("id"),
              LocalDate.of(SourceTable.date(rs, "paid_on").getYear(), 12, 31), rs.getString("email"),
              rs.getString("tenancy_number"), rs.getBoolean("restricted")),
          java.sql.Date.valueOf(bound), afterPosition, limit);
    }
    return List.of();
  }

  /** Every live contract (not anonymised) by its tenancy number; the payments are about the same persons. */
  @Override
  public List<SubjectKey> subjects(String category) {
    if (!category.equals(CONTRACTS) && !category.equals(PAYMENTS)) {
      return List.of();
    }
    String sql = category.equals(CONTRACTS)
        ? "SELECT tenancy_number FROM privacy.tenancy_contract WHERE tenancy_number IS NOT NULL "
            + "AND anonymised_at IS NULL ORDER BY id"
        : "SELECT DISTINCT c.tenancy_number, c.id FROM privacy.rent_payment p JOIN privacy.tenancy_contract c ON "
            + "c.id = p.contract_id WHERE c.tenancy_number IS NOT NULL ORDER BY c.id";
    return contracts.query(sql, (rs, n) -> SubjectKey.ofTenancy(rs.getString(1)));
  }

  @Override
  public String displayName() {
    return "Huuradministratie";
  }

  @Override
  public Set<String> flaggedItemReaders() {
    return Set.of();
  }

  @Override
  public List<PersonalDataItem> find(SubjectKey subject) {
    SubjectMatch match = SubjectMatch.of(subject, "tenancy_number", "email", "tenant_name", "date_of_birth");
    List<PersonalDataItem> items = new ArrayList<>();
    if (match == null) {
      return items;
    }
    List<long[]> found = contracts.query("SELECT id FROM privacy.tenancy_contract WHERE " + match.condition()
        + " ORDER BY id", (rs, n) -> new long[] {rs.getLong(1)}, match.args());
    for (long[] contract : found) {
      items.add(contractItem(contract[0]).orElseThrow());
      payments.query("SELECT id FROM privacy.rent_payment WHERE contract_id = ? ORDER BY paid_on, id",
              (rs, n) -> rs.getLong(1), contract[0])
          .forEach(payment -> items.add(paymentItem(payment).orElseThrow()));
    }
    return items;
  }

  /** Issue 15 item 10: the municipality (allocation covenant) and the auditor by name where the register knows them. */
  static final RecipientCategory MUNICIPALITY =
      new RecipientCategory("HOUSING_ALLOCATION", "TENANCY", "Gemeente (woonruimteverdeling)");
  static final RecipientCategory AUDITOR =
      new RecipientCategory("ANNUAL_ACCOUNTS", "RENT_PAYMENTS", "Accountant (jaarrekening)");

  @Override
  public List<RecipientCategory> recipientCategories(PersonalDataItem item) {
    return List.of(contracts.owns(item.itemId()) ? MUNICIPALITY : AUDITOR);
  }

  @Override
  public Optional<PersonalDataItem> item(String itemId) {
    if (contracts.owns(itemId)) {
      return contractItem(contracts.rowId(itemId));
    }
    if (payments.owns(itemId)) {
      return paymentItem(payments.rowId(itemId));
    }
    return Optional.empty();
  }

  private Optional<PersonalDataItem> contractItem(long id) {
    return contracts.query("SELECT end_date, restricted FROM privacy.tenancy_contract WHERE id = ? "
            + "AND anonymised_at IS NULL",
        (rs, n) -> {
          LocalDate end = SourceTable.date(rs, "end_date");
          return new PersonalDataItem(SYSTEM, contracts.itemId(id),
              "Huurovereenkomst: naam, geboortedatum, contactgegevens, adres, huurprijs",
              "Verhuur van de woning en uitvoering van de huurovereenkomst", LegalBasis.CONTRACT,
              "Van u, bij het aangaan van de huurovereenkomst",
              List.of("Autoriteit woningcorporaties (toezicht)"),
              new Retention("7 jaar na het einde van de huurovereenkomst (fiscale bewaarplicht, art 52 AWR)",
                  end == null ? null : end.plusYears(7)),
              false, false, false, true, rs.getBoolean("restricted"));
        }, id).stream().findFirst();
  }

  private Optional<PersonalDataItem> paymentItem(long id) {
    return payments.query("SELECT paid_on, restricted FROM privacy.rent_payment WHERE id = ? "
            + "AND contract_id IS NOT NULL", (rs, n) -> {
          LocalDate paidOn = SourceTable.date(rs, "paid_on");
          return new PersonalDataItem(SYSTEM, payments.itemId(id),
              "Huurbetaling: datum, bedrag, rekeningnummer",
              "Financiële administratie van de huur", LegalBasis.LEGAL_OBLIGATION,
              "Van uw bank, bij de betaling",
              List.of("Belastingdienst (op verzoek)"),
              new Retention("7 jaar na afloop van het boekjaar (fiscale bewaarplicht, art 52 AWR)",
                  LocalDate.of(paidOn.getYear() + 7, 12, 31)),
              false, false, false, false, rs.getBoolean("restricted"));
        }, id).stream().findFirst();
  }

  @Override
  public Map<String, String> export(String itemId) {
    return table(itemId).export(itemId);
  }

  @Override
  public Set<String> correctableFields(String itemId) {
    return table(itemId).correctableFields();
  }

  @Override
  public void correct(String itemId, String field, String newValue) {
    table(itemId).correct(itemId, field, newValue);
  }

  @Override
  public void restrict(String itemId, boolean restricted) {
    table(itemId).restrict(itemId, restricted);
  }

  /** A contract with payments left cannot go: its payments are fiscal records of their own (erase those first). */
  @Override
  public void erase(String itemId) {
    if (contracts.owns(itemId)) {
      long open = payments.query("SELECT COUNT(*) FROM privacy.rent_payment WHERE contract_id = ?",
          (rs, n) -> rs.getLong(1), contracts.rowId(itemId)).get(0);
      if (open > 0) {
        throw new PersonalDataException("contract " + itemId + " still has " + open
            + " rent payments: erase or anonymise them first");
      }
    }
    table(itemId).erase(itemId);
  }

  /**
   * RET-2 (issue 17 item 3): anonymisation that is real. The row leaves the source table in the same transaction in
   * which it is counted in a statistics table that cannot be joined back to anyone (V54): no key of the row, no name,
   * address, e-mail, phone or tenancy number, no IBAN or payment reference; a contract is counted by start and end
   * year, the decade of birth and a rent band of EUR 50, a payment by year and month and an amount band of EUR 10.
   * A contract with rent payments left is refused (like {@link #erase}): the payments are fiscal records of their own
   * and are anonymised first; the retention sweep lists such a contract only once its payments are gone.
   */
  @Override
  public void anonymise(String itemId) {
    if (contracts.owns(itemId)) {
      long id = contracts.rowId(itemId);
      long open = jdbc.queryForObject("SELECT COUNT(*) FROM privacy.rent_payment WHERE contract_id = ?", Long.class,
          id);
      if (open > 0) {
        throw new PersonalDataException("contract " + itemId + " still has " + open
            + " rent payments: anonymise those first");
      }
      List<int[]> row = jdbc.query("SELECT start_date, end_date, date_of_birth, monthly_rent FROM "
              + "privacy.tenancy_contract WHERE id = ? AND anonymised_at IS NULL",
          (rs, n) -> new int[] {SourceTable.date(rs, "start_date").getYear(),
              rs.getDate("end_date") == null ? 0 : SourceTable.date(rs, "end_date").getYear(),
              rs.getDate("date_of_birth") == null ? 0 : SourceTable.date(rs, "date_of_birth").getYear() / 10 * 10,
              band(rs.getBigDecimal("monthly_rent"), 50)}, id);
      if (row.isEmpty()) {
        throw new UnknownItemException(SYSTEM, itemId);
      }
      int[] c = row.get(0);
      count("statistic_tenancy", "contract_count", new String[] {"start_year", "end_year", "birth_decade",
          "rent_band"}, c[0], c[1], c[2], c[3]);
      jdbc.update("DELETE FROM privacy.tenancy_contract WHERE id = ?", id);
      return;
    }
    if (payments.owns(itemId)) {
      long id = payments.rowId(itemId);
      List<int[]> row = jdbc.query("SELECT paid_on, amount FROM privacy.rent_payment WHERE id = ? "
              + "AND contract_id IS NOT NULL",
          (rs, n) -> new int[] {SourceTable.date(rs, "paid_on").getYear(),
              SourceTable.date(rs, "paid_on").getMonthValue(), band(rs.getBigDecimal("amount"), 10)}, id);
      if (row.isEmpty()) {
        throw new UnknownItemException(SYSTEM, itemId);
      }
      int[] p = row.get(0);
      count("statistic_rent_payment", "payment_count", new String[] {"paid_year", "paid_month", "amount_band"},
          p[0], p[1], p[2]);
      jdbc.update("DELETE FROM privacy.rent_payment WHERE id = ?", id);
      return;
    }
    throw new UnknownItemException(SYSTEM, itemId);
  }

  /** The lower bound of the band of {@code width} euros the amount falls in. */
  static int band(java.math.BigDecimal amount, int width) {
    return amount == null ? 0 : amount.intValue() / width * width;
  }

  /**
   * Adds one to the combination's count. One row per combination: a second writer inserting the same new combination
   * at the same moment fails on the unique constraint, which rolls the item's transaction back (nothing half-done);
   * the retention sweep retries it.
   */
  private void count(String table, String countColumn, String[] columns, Object... values) {
    String where = String.join(" = ? AND ", columns) + " = ?";
    if (jdbc.update("UPDATE privacy." + table + " SET " + countColumn + " = " + countColumn + " + 1 WHERE " + where,
        values) == 1) {
      return;
    }
    Object[] insertValues = java.util.Arrays.copyOf(values, values.length + 1);
    insertValues[values.length] = 1L;
    jdbc.update("INSERT INTO privacy." + table + " (" + String.join(", ", columns) + ", " + countColumn
        + ") VALUES (" + "?, ".repeat(columns.length) + "?)", insertValues);
  }

  private SourceTable table(String itemId) {
    if (contracts.owns(itemId)) {
      return contracts;
    }
    if (payments.owns(itemId)) {
      return payments;
    }
    throw new UnknownItemException(SYSTEM, itemId);
  }
}
