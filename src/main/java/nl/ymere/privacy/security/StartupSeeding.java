package nl.ymere.privacy.security;

import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Runs every seeder once the engine has deployed: access first, then whatever demo data is enabled. */
@Component
class StartupSeeding {

  private final AccessSeeder accessSeeder;
  private final List<DemoSeeder> demoSeeders;

  StartupSeeding(AccessSeeder accessSeeder, List<DemoSeeder> demoSeeders) {
    this.accessSeeder = accessSeeder;
    this.demoSeeders = demoSeeders;
  }

  @EventListener(ApplicationReadyEvent.class)
  void seed() {
    accessSeeder.seed();
    demoSeeders.forEach(DemoSeeder::seed);
  }
}
