package nl.ymere.privacy.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import nl.ymere.privacy.support.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An installation upgrades although a release brings a migration numbered below one it already has: capabilities are
 * built on branches with their own version ranges (V53 arrived after V60 was applied). Flyway as the product
 * configures it applies the lower one; with Flyway's default the node would refuse to start ("resolved migration not
 * applied"), which this test shows too, so it fails when the setting is dropped.
 */
@IntegrationTest
class MigrationOrderTest {

  private static final String PROBE = "V52_9__probe_added_after_a_higher_version.sql";

  @Autowired Flyway productFlyway;

  @TempDir Path later;

  @Test
  void aMigrationNumberedBelowTheAppliedOnesIsAppliedOnUpgrade() throws Exception {
    String database = "jdbc:h2:mem:upgrade-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    // the installation as the previous release left it: every migration of this build applied
    flyway(database, false, "classpath:db/migration").migrate();
    // the next release adds a lower-numbered migration
    Files.writeString(later.resolve(PROBE), "CREATE TABLE upgrade_probe (id BIGINT PRIMARY KEY);\n");
    String[] next = {"classpath:db/migration", "filesystem:" + later};

    assertThatThrownBy(() -> flyway(database, false, next).migrate())
        .as("Flyway's default refuses the upgrade").hasMessageContaining("not applied");

    assertThat(productFlyway.getConfiguration().isOutOfOrder()).as("the product's setting").isTrue();
    flyway(database, true, next).migrate();
    MigrationInfo probe = Arrays.stream(flyway(database, true, next).info().all())
        .filter(info -> info.getScript().equals(PROBE)).findFirst().orElseThrow();
    assertThat(probe.getState()).isEqualTo(MigrationState.OUT_OF_ORDER);
  }

  private Flyway flyway(String url, boolean outOfOrder, String... locations) {
    return Flyway.configure().dataSource(url, "sa", "")
        .schemas(productFlyway.getConfiguration().getSchemas())
        .defaultSchema(productFlyway.getConfiguration().getDefaultSchema())
        .createSchemas(true)
        .locations(locations)
        .outOfOrder(outOfOrder)
        .load();
  }
}
