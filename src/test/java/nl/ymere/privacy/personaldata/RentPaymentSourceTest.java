package nl.ymere.privacy.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import nl.ymere.privacy.personaldata.DemoRecords.Person;
import nl.ymere.privacy.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The contract for rent payments (the tenancy source's second kind of item, found with the contract). */
@IntegrationTest
class RentPaymentSourceTest extends PersonalDataSourceContract {

  @Autowired TenancySource tenancy;

  @Override
  PersonalDataSource source() {
    return tenancy;
  }

  @Override
  String seedItem(DemoRecords records, Person person) {
    String contract = records.contract(person, LocalDate.of(2020, 1, 1), LocalDate.of(2025, 6, 30), "700.00");
    return records.payment(contract, LocalDate.of(2024, 3, 1), "700.00", "NL02RABO0123456789");
  }

  @Override
  Set<String> personalFields() {
    return Set.of("payerIban", "paymentReference");
  }

  @Override
  String correctableField() {
    return "payerIban";
  }

  @Test
  void paymentsAreFiscalRecordsKeptSevenYearsAfterTheFiscalYear() {
    String payment = seedItem(records, person);

    PersonalDataItem item = tenancy.item(payment).orElseThrow();

    assertThat(item.legalBasis()).isEqualTo(LegalBasis.LEGAL_OBLIGATION);
    assertThat(item.retention().rule()).contains("art 52 AWR");
    assertThat(item.retention().endDate()).isEqualTo(LocalDate.of(2031, 12, 31));
    assertThat(item.retention().runsOn(LocalDate.of(2031, 12, 31))).isTrue();
    assertThat(item.retention().runsOn(LocalDate.of(2032, 1, 1))).isFalse();
  }
}
