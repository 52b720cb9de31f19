package nl.ymere.privacy.security;

/** Create-if-absent demo data, run after the access seeding when the demo profile enables it. */
public interface DemoSeeder {

  void seed();
}
