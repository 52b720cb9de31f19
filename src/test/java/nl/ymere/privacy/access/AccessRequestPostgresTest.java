package nl.ymere.privacy.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.time.LocalDate;
import java.util.Map;
import nl.ymere.privacy.access.AccessRequestProcess.Elements;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The partial-access path of {@code dsr-access} on PostgreSQL (BYTEA dossier, TEXT decisions). */
@PostgresIntegrationTest
class AccessRequestPostgresTest {

  @Autowired AccessTestSupport access;
  @Autowired RequestTestSupport support;
  @Autowired AccessRepository repository;
  @Autowired HistoryService historyService;

  @AfterEach
  void resetClock() {
    support.resetClock();
  }

  @Test
  void shouldRedactWithholdApproveAndAnswerPartially() throws Exception {
    support.setNow(LocalDate.of(2026, 3, 4), 10, 0);
    String reference = access.startAccess(AccessTestSupport.TENANT, AccessTestSupport.TENANT_EMAIL,
        LocalDate.of(2026, 3, 4));
    support.complete("desk", reference, Elements.CONFIRM_SEARCH, Map.of("tenancyNumber", AccessTestSupport.TENANCY));
    access.decideDemoTenantItems(reference, "desk", "officer");
    support.complete("deskofficer", reference, Elements.REVIEW_ITEMS, Map.of());
    support.complete("officer", reference, Elements.APPROVE_EXEMPTIONS, Map.of("exemptionsApproved", true));

    var instance = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(AccessRequestProcess.KEY)
        .processInstanceBusinessKey(reference).singleResult();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("outcome").singleResult().getValue()).isEqualTo("PARTIALLY_GRANTED");
    PdfReader reader = new PdfReader(repository.dossier(reference).orElseThrow());
    StringBuilder text = new StringBuilder();
    for (int page = 1; page <= reader.getNumberOfPages(); page++) {
      text.append(new PdfTextExtractor(reader).getTextFromPage(page));
    }
    reader.close();
    assertThat(text.toString()).contains("[afgeschermd]").doesNotContain(AccessTestSupport.NEIGHBOUR)
        .doesNotContain("teamleider");
    assertThat(support.outbox(reference)).extracting(m -> m.get("template")).contains("access-answer");
  }
}
