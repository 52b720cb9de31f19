package nl.ymere.privacy.access;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import nl.ymere.privacy.personaldata.AccessPurpose;
import nl.ymere.privacy.personaldata.DataReader;
import nl.ymere.privacy.personaldata.PersonalDataItem;
import nl.ymere.privacy.personaldata.PersonalDataSources;
import nl.ymere.privacy.process.ProductCalls;
import nl.ymere.privacy.security.Groups;
import org.camunda.bpm.engine.IdentityService;
import java.util.Map;
import nl.ymere.privacy.request.Channel;
import nl.ymere.privacy.request.RegisterRequestCommand;
import nl.ymere.privacy.request.RequestRecord;
import nl.ymere.privacy.request.RequestRight;
import nl.ymere.privacy.request.RequestTestSupport;
import nl.ymere.privacy.request.Representation;
import nl.ymere.privacy.web.DateOrDateTime;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Starts {@code dsr-access} for a registered access request, as data-subject-request's call activity would. */
@Component
public class AccessTestSupport {

  public static final String TENANT = "Jan de Vries";
  public static final String TENANT_EMAIL = "jan.devries@example.org";
  public static final LocalDate TENANT_BORN = LocalDate.of(1978, 3, 14);
  public static final String TENANCY = "HV-100234";
  public static final String NEIGHBOUR = "Fatma Yilmaz";

  static final DataReader OFFICER = new DataReader("officer", Set.of(Groups.PRIVACY_OFFICERS));

  @Autowired RequestTestSupport requests;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired AccessReviewService review;
  @Autowired AccessRepository repository;
  @Autowired PersonalDataSources sources;

  /** Registers an access request (which also starts data-subject-request; ignored) and starts dsr-access. */
  public String startAccess(String name, String email, LocalDate receivedOn) {
    RequestRecord request = requests.register(new RegisterRequestCommand(RequestRight.ACCESS,
        DateOrDateTime.of(receivedOn), Channel.EMAIL, new RegisterRequestCommand.Person(name, email, null,
        TENANT_BORN), null, Representation.SELF, "Ik wil inzage in mijn gegevens.", "nl"));
    requests.identityVerified(request.reference()); // ID-1: the fulfilment steps check it (IdentityGate)
    Map<String, Object> variables = new HashMap<>();
    variables.put("reference", request.reference());
    variables.put("dueDate", Date.from(RequestTestSupport.at(request.dueDate(), 23, 59, 59)));
    variables.put("internalTarget", Date.from(RequestTestSupport.at(request.dueDate().minusDays(7), 8, 0, 0)));
    // started by the engine, as the call activity does: no user's start right is involved
    ProductCalls.run(() -> runtimeService.startProcessInstanceByKey(AccessRequestProcess.KEY, request.reference(),
        variables));
    return request.reference();
  }

  /**
   * Decides every item the way a handler would for the demo tenant (ACC-3): the neighbour's complaint redacted
   * (contact fields and the name in the text), every other mention of the neighbour redacted, the work note withheld
   * as a personal work note, the rest included; flagged items by {@code officerUser}, the rest by {@code deskUser}.
   */
  public void decideDemoTenantItems(String reference, String deskUser, String officerUser) {
    for (AccessItemRow row : repository.items(reference)) {
      PersonalDataItem item = review.describe(row.ref());
      String user = item.flagged() ? officerUser : deskUser;
      Map<String, String> content = sources.export(row.ref(), AccessPurpose.OVERSIGHT, OFFICER);
      AccessItemDecisionCommand command;
      if (item.system().equals("contacts") && item.thirdPartyData()) {
        command = new AccessItemDecisionCommand("REDACT", null, null,
            List.of("contactName", "email", "tenancyNumber"), List.of(NEIGHBOUR + " (12-1)"));
      } else if (item.system().equals("worknotes")) {
        command = new AccessItemDecisionCommand("WITHHOLD", "PERSONAL_WORK_NOTE",
            "Eigen aantekening van de medewerker, niet gedeeld en geen onderdeel van het dossier.", null, null);
      } else if (content.values().stream().anyMatch(value -> value.contains(NEIGHBOUR))) {
        command = new AccessItemDecisionCommand("REDACT", null, null, null, List.of(NEIGHBOUR));
      } else {
        command = new AccessItemDecisionCommand("INCLUDE", null, null, null, null);
      }
      AccessItemDecisionCommand decision = command;
      requests.as(user, () -> review.decide(reference, row.ref(), decision, DataReader.current(identityService)));
    }
  }
}
