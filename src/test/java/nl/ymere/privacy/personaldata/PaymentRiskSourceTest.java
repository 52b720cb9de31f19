package nl.ymere.privacy.personaldata;

import java.time.LocalDate;
import java.util.Set;
import nl.ymere.privacy.personaldata.DemoRecords.Person;
import nl.ymere.privacy.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The personal-data source contract for {@link PaymentRiskSource} (derived data, POR-2). */
@IntegrationTest
class PaymentRiskSourceTest extends PersonalDataSourceContract {

  @Autowired PaymentRiskSource source;

  @Override
  PersonalDataSource source() {
    return source;
  }

  @Override
  String seedItem(DemoRecords records, Person person) {
    return records.paymentRisk(person, LocalDate.of(2026, 1, 31), "VERHOOGD", "2 van 12 betalingen te laat");
  }

  @Override
  Set<String> personalFields() {
    return Set.of("tenancyNumber", "basedOn");
  }

  @Override
  String correctableField() {
    return "basedOn";
  }

  @Override
  Set<String> recordedOpinions() {
    return Set.of("riskClass");
  }
}
