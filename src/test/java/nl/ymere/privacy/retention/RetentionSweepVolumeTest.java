package nl.ymere.privacy.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import nl.ymere.privacy.legalhold.LegalHolds;
import nl.ymere.privacy.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sweep over a generated data set (issue 17 "100 000 items in bounded memory"): run by hand with
 * {@code -Dprivacy.retention.volume=100000 -Dtest=RetentionSweepVolumeTest}; skipped otherwise. Prints time and the
 * highest heap use seen while listing and executing (a figure, not an assertion); asserts only that every generated
 * item is gone. The demo subjects are held meanwhile, as in {@link RetentionSweepProcessContract}.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "privacy.retention.volume", matches = "\\d+")
class RetentionSweepVolumeTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired RetentionSweeps sweeps;
  @Autowired LegalHolds legalHolds;

  @Test
  void sweepsAGeneratedDataSetInBatches() throws Exception {
    int volume = Integer.parseInt(System.getProperty("privacy.retention.volume"));
    String tenancy = "HV-VOL" + System.nanoTime() % 1_000_000;
    List<Long> holds = List.of(
        legalHolds.holdSubject(null, "HV-100234", "Volumetest", null, "officer"),
        legalHolds.holdSubject(null, "HV-100235", "Volumetest", null, "officer"),
        legalHolds.holdSubject("jan.devries@example.org", null, "Volumetest", null, "officer"),
        legalHolds.holdSubject("fatma.yilmaz@example.org", null, "Volumetest", null, "officer"));
    try {
      LocalDate completed = LocalDate.now().minusYears(3);
      for (int from = 0; from < volume; from += 1000) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = from; i < Math.min(volume, from + 1000); i++) {
          rows.add(new Object[] {tenancy, "Huurder " + i, "06-" + i, "Straat " + i, "Reparatie " + i,
              Date.valueOf(completed.minusDays(3)), Date.valueOf(completed), "Aannemer"});
        }
        jdbc.batchUpdate("INSERT INTO privacy.repair_request (tenancy_number, reporter_name, contact_phone, address, "
            + "description, reported_on, completed_on, contractor) VALUES (?,?,?,?,?,?,?,?)", rows);
      }
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      System.gc();
      long baseline = memory.getHeapMemoryUsage().getUsed();
      AtomicLong peak = new AtomicLong(baseline);
      Thread sampler = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      sampler.setDaemon(true);
      sampler.start();
      long started = System.nanoTime();
      String reference = sweeps.open("officer");
      long listed = System.nanoTime();
      for (String group : sweeps.openReviews(reference)) {
        sweeps.recordReview(reference, group, "desk");
      }
      sweeps.decide(reference, true, "officer");
      int handled = sweeps.execute(reference);
      long done = System.nanoTime();
      sampler.interrupt();
      sampler.join();
      System.out.printf("RETENTION SWEEP VOLUME: %d generated items, %d handled; list %d ms, execute %d ms; "
              + "heap baseline %d MiB, peak %d MiB (max %d MiB)%n", volume, handled, (listed - started) / 1_000_000,
          (done - listed) / 1_000_000, baseline >> 20, peak.get() >> 20, memory.getHeapMemoryUsage().getMax() >> 20);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy.repair_request WHERE tenancy_number = ?",
          Integer.class, tenancy)).isZero();
    } finally {
      holds.forEach(id -> legalHolds.release(id, "fg"));
    }
  }
}
