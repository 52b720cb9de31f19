package nl.ymere.privacy.camera;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the {@link FootageRetentionSweep} on {@code privacy.camera.sweep-cron}; off with {@code sweep-enabled=false}. */
@Component
@ConditionalOnProperty(name = "privacy.camera.sweep-enabled", havingValue = "true", matchIfMissing = true)
class FootageSweepSchedule {

  private static final Logger log = LoggerFactory.getLogger(FootageSweepSchedule.class);

  private final FootageRetentionSweep sweep;

  FootageSweepSchedule(FootageRetentionSweep sweep) {
    this.sweep = sweep;
  }

  @Scheduled(cron = "${privacy.camera.sweep-cron:0 15 * * * *}")
  void run() {
    try {
      int deleted = sweep.sweep();
      if (deleted > 0) {
        log.info("Footage retention sweep deleted {} recording(s)", deleted);
      }
    } catch (RuntimeException e) {
      log.warn("Footage retention sweep failed: {}", e.getClass().getSimpleName());
    }
  }
}
