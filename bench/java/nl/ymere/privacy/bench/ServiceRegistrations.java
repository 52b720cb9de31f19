package nl.ymere.privacy.bench;

import java.util.List;
import nl.ymere.privacy.request.Channel;
import nl.ymere.privacy.request.RegisterRequestCommand;
import nl.ymere.privacy.request.RequestRegistrationService;
import nl.ymere.privacy.request.RequestRight;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/**
 * The same registration without HTTP, Spring Security and JSON: {@link RequestRegistrationService#register} called
 * directly with the engine authentication the API sets (EngineAuthenticationFilter). Shows how much of a
 * registration's cost is the web layer and how much the service, the product tables and the process.
 */
final class ServiceRegistrations {

  private final RequestRegistrationService registration;
  private final IdentityService identityService;
  private final List<String> groups;

  ServiceRegistrations(RequestRegistrationService registration, IdentityService identityService) {
    this.registration = registration;
    this.identityService = identityService;
    this.groups = identityService.createGroupQuery().groupMember(RegistrationClient.USER).list().stream()
        .map(Group::getId).toList();
  }

  Load.Sample register(String phase, int number) {
    String name = RegistrationClient.requesterName(phase, number);
    RegisterRequestCommand command = new RegisterRequestCommand(RequestRight.ACCESS, null, Channel.EMAIL,
        new RegisterRequestCommand.Person(name, name.toLowerCase().replace(' ', '.') + "@example.org", null, null),
        null, null, "Benchmark request " + number, null);
    long before = System.nanoTime();
    identityService.setAuthentication(RegistrationClient.USER, groups);
    try {
      String reference = registration.register(command, RegistrationClient.USER).reference();
      return new Load.Sample(number, reference, System.nanoTime() - before, null);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
