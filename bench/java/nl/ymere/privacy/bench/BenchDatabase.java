package nl.ymere.privacy.bench;

import java.util.List;
import nl.ymere.privacy.support.PostgresTestServer;

/** The databases the benchmark runs on, with the profiles and arguments that point the application at them. */
enum BenchDatabase {

  H2("H2") {
    @Override
    List<String> prepareAndGetArguments() {
      return List.of("--spring.datasource.url=jdbc:h2:mem:privacy-bench-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    }
  },

  /** A fresh database {@code privacy_bench} on the test server (127.0.0.1:5432 unless privacy.test.postgres.url). */
  POSTGRES("PostgreSQL", "postgres") {
    @Override
    List<String> prepareAndGetArguments() {
      PostgresTestServer.recreateDatabase(DATABASE);
      return List.of("--spring.datasource.url=" + PostgresTestServer.urlOf(DATABASE),
          "--spring.datasource.username=" + PostgresTestServer.USER,
          "--spring.datasource.password=" + PostgresTestServer.PASSWORD);
    }
  };

  static final String DATABASE = "privacy_bench";

  private final String label;
  private final List<String> extraProfiles;

  BenchDatabase(String label, String... extraProfiles) {
    this.label = label;
    this.extraProfiles = List.of(extraProfiles);
  }

  String label() {
    return label;
  }

  String[] profiles() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of("demo", "bench"), extraProfiles.stream())
        .toArray(String[]::new);
  }

  /** Makes the database empty where that is needed and returns the command-line arguments for it. */
  abstract List<String> prepareAndGetArguments();

  static BenchDatabase named(String name) {
    return switch (name.toLowerCase()) {
      case "h2" -> H2;
      case "postgres", "postgresql", "pg" -> POSTGRES;
      default -> throw new IllegalArgumentException("Unknown bench database " + name + " (h2, postgres)");
    };
  }
}
