package nl.ymere.privacy.demo;

import java.util.List;
import nl.ymere.privacy.security.AccessSeeder;
import nl.ymere.privacy.security.DemoSeeder;
import nl.ymere.privacy.security.Groups;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo users of README.md (password = user id, except {@code demo}/{@code demo}). {@code deskofficer} is in
 * both the desk and the officers group, {@code facilitymanager} in facility and management, so four-eyes refusals
 * are really exercised (DESIGN principle 6).
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "privacy.demo.users-enabled", havingValue = "true")
class DemoUsers implements DemoSeeder {

  record DemoUser(String id, String firstName, String lastName, List<String> groups) {
  }

  static final List<DemoUser> USERS = List.of(
      new DemoUser("demo", "Demo", "Gebruiker", List.of(Groups.ADMIN, Groups.PRIVACY_DESK, Groups.PRIVACY_OFFICERS)),
      new DemoUser("desk", "Daan", "Balie", List.of(Groups.PRIVACY_DESK)),
      new DemoUser("officer", "Olga", "Officier", List.of(Groups.PRIVACY_OFFICERS)),
      new DemoUser("fg", "Frank", "Gegevensbescherming", List.of(Groups.FG)),
      new DemoUser("assessor1", "Anna", "Beoordelaar", List.of(Groups.FRAUD_ASSESSORS)),
      new DemoUser("assessor2", "Bram", "Beoordelaar", List.of(Groups.FRAUD_ASSESSORS)),
      new DemoUser("facility", "Fatima", "Facilitair", List.of(Groups.FACILITY)),
      new DemoUser("procurement", "Pieter", "Inkoop", List.of(Groups.PROCUREMENT)),
      new DemoUser("manager", "Marieke", "Directie", List.of(Groups.MANAGEMENT)),
      new DemoUser("nuisance", "Noor", "Overlast", List.of(Groups.NUISANCE_TEAM)),
      new DemoUser("adaptation", "Wim", "Woningaanpassing", List.of(Groups.HOUSING_ADAPTATION)),
      new DemoUser("deskofficer", "Dewi", "Dubbelrol", List.of(Groups.PRIVACY_DESK, Groups.PRIVACY_OFFICERS)),
      // camera protocol: requests as facility and is in management, so approving one's own request is refused
      new DemoUser("facilitymanager", "Fenna", "Beiderol", List.of(Groups.FACILITY, Groups.MANAGEMENT)),
      // deploys an edited diagram from the Camunda Modeler (CREATE on deployments), nothing else
      new DemoUser("owner", "Petra", "Proceseigenaar", List.of(Groups.PROCESS_OWNERS)));

  private final AccessSeeder accessSeeder;

  DemoUsers(AccessSeeder accessSeeder) {
    this.accessSeeder = accessSeeder;
  }

  @Override
  public void seed() {
    for (DemoUser user : USERS) {
      accessSeeder.ensureUser(user.id(), user.firstName(), user.lastName(), user.id(), user.groups());
    }
  }
}
