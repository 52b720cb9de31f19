package nl.ymere.privacy.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * RET-2 (issue 17 item 3): anonymisation that is real. An anonymised contract or rent payment leaves its table and is
 * only counted in the statistics tables, narrowed so that no statistics row can be linked to the person: no column
 * shares a key with the source rows, no exact date (of birth or otherwise), no text at all.
 */
@IntegrationTest
class TenancyAnonymisationTest {

  static final LocalDate BORN = LocalDate.of(1983, 7, 14);

  @Autowired PersonalDataSources sources;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anAnonymisedContractAndPaymentLeaveTheirTablesAndAreOnlyCountedWithoutAnyIdentifier() {
    long n = System.nanoTime() % 1_000_000;
    String tenancy = "HV-A" + n;
    String name = "Annemarie Anoniem" + n;
    String email = "annemarie" + n + "@voorbeeld.nl";
    String iban = "NL91ABNA04" + String.format("%08d", n);
    long contract = contract(tenancy, name, email);
    long payment = payment(contract, iban);
    PersonalDataSource tenancySource = sources.source("tenancy");
    long tenanciesBefore = count("statistic_tenancy", "contract_count",
        "start_year = 2010 AND end_year = 2020 AND birth_decade = 1980 AND rent_band = 700");
    long paymentsBefore = count("statistic_rent_payment", "payment_count",
        "paid_year = 2019 AND paid_month = 11 AND amount_band = 730");

    // a contract with its payments left is refused, and nothing changes (the payments are fiscal records)
    assertThatThrownBy(() -> tenancySource.anonymise("contract-" + contract))
        .isInstanceOf(PersonalDataException.class);
    assertThat(rows("tenancy_contract", contract)).isOne();

    tenancySource.anonymise("payment-" + payment);
    tenancySource.anonymise("contract-" + contract);

    assertThat(rows("rent_payment", payment)).isZero();
    assertThat(rows("tenancy_contract", contract)).isZero();
    assertThat(tenancySource.item("contract-" + contract)).isEmpty();
    assertThat(tenancySource.find(SubjectKey.ofTenancy(tenancy))).isEmpty();
    assertThatThrownBy(() -> tenancySource.anonymise("contract-" + contract))
        .isInstanceOf(UnknownItemException.class);
    assertThat(count("statistic_tenancy", "contract_count",
        "start_year = 2010 AND end_year = 2020 AND birth_decade = 1980 AND rent_band = 700"))
        .isEqualTo(tenanciesBefore + 1);
    assertThat(count("statistic_rent_payment", "payment_count",
        "paid_year = 2019 AND paid_month = 11 AND amount_band = 730")).isEqualTo(paymentsBefore + 1);

    // no statistics row can be linked to the person
    assertUnlinkable("statistic_tenancy", List.of("start_year", "end_year", "birth_decade", "rent_band",
        "contract_count"), tenancy, name, email, iban);
    assertUnlinkable("statistic_rent_payment", List.of("paid_year", "paid_month", "amount_band", "payment_count"),
        tenancy, name, email, iban);
    assertThat(jdbc.queryForList("SELECT birth_decade FROM privacy.statistic_tenancy", Integer.class))
        .allMatch(decade -> decade % 10 == 0).doesNotContain(BORN.getYear());
    assertThat(jdbc.queryForList("SELECT rent_band FROM privacy.statistic_tenancy", Integer.class))
        .allMatch(band -> band % 50 == 0);
    // nothing is "anonymised in place" any more: no source row without its person is left behind (V54)
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.tenancy_contract WHERE anonymised_at IS NOT NULL",
        Integer.class)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.rent_payment WHERE contract_id IS NULL",
        Integer.class)).isZero();
  }

  /**
   * Only the expected columns (no id, no key of a source row), only whole numbers (no date, no text), none of the
   * person's identifiers.
   */
  private void assertUnlinkable(String table, List<String> columns, Object... identifiers) {
    List<Map<String, Object>> all = jdbc.queryForList("SELECT * FROM privacy." + table);
    assertThat(all).isNotEmpty();
    for (Map<String, Object> row : all) {
      assertThat(row.keySet()).map(String::toLowerCase).containsExactlyInAnyOrderElementsOf(columns);
      for (Object value : row.values()) {
        assertThat(value).as("%s holds only counts and narrowed numbers", table).isInstanceOf(Number.class);
        assertThat(String.valueOf(value)).doesNotContain("-").isNotIn(
            java.util.Arrays.stream(identifiers).map(String::valueOf).toList());
      }
    }
  }

  private long contract(String tenancy, String name, String email) {
    jdbc.update("INSERT INTO privacy.tenancy_contract (tenancy_number, tenant_name, date_of_birth, email, phone, "
            + "address, start_date, end_date, monthly_rent) VALUES (?,?,?,?,?,?,?,?,?)", tenancy, name,
        Date.valueOf(BORN), email, "06-12345678", "Anoniemstraat 1, 1000 AA Amsterdam",
        Date.valueOf(LocalDate.of(2010, 3, 1)), Date.valueOf(LocalDate.of(2020, 5, 31)), new BigDecimal("734.50"));
    return jdbc.queryForObject("SELECT MAX(id) FROM privacy.tenancy_contract WHERE tenancy_number = ?", Long.class,
        tenancy);
  }

  private long payment(long contract, String iban) {
    jdbc.update("INSERT INTO privacy.rent_payment (contract_id, paid_on, amount, payer_iban, payment_reference) "
        + "VALUES (?,?,?,?,?)", contract, Date.valueOf(LocalDate.of(2019, 11, 1)), new BigDecimal("734.50"), iban,
        "Huur november " + contract);
    return jdbc.queryForObject("SELECT MAX(id) FROM privacy.rent_payment WHERE contract_id = ?", Long.class,
        contract);
  }

  private long count(String table, String column, String where) {
    Long count = jdbc.queryForObject("SELECT COALESCE(SUM(" + column + "), 0) FROM privacy." + table + " WHERE "
        + where, Long.class);
    return count == null ? 0 : count;
  }

  private int rows(String table, long id) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM privacy." + table + " WHERE id = ?", Integer.class, id);
  }
}
