package nl.ymere.privacy.camera;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import nl.ymere.privacy.camera.FootageStore.FootageItem;
import nl.ymere.privacy.legalhold.LegalHolds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * CAM-5 retention sweep: deletes every recording older than its camera's retention (the register's
 * {@code retention_hours}, at most 28 days) unless an active incident hold covers its recording time. Each deletion
 * is recorded (storage key and time, no content). A running legal hold on the camera's footage (RET-4, the holds
 * erasure and the retention sweep read) keeps all of it. Runs on {@code privacy.camera.sweep-cron} ({@link
 * FootageSweepSchedule}); idempotent, so several nodes may run it.
 */
@Service
public class FootageRetentionSweep {

  /** The personal-data source system of camera footage: the system a legal hold on footage names (RET-4). */
  static final String LEGAL_HOLD_SYSTEM = "camera";

  private final CameraProtocolRepository protocols;
  private final IncidentHoldService holds;
  private final LegalHolds legalHolds;
  private final FootageStore store;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  FootageRetentionSweep(CameraProtocolRepository protocols, IncidentHoldService holds, LegalHolds legalHolds,
      FootageStore store, JdbcTemplate jdbc, Clock clock) {
    this.protocols = protocols;
    this.holds = holds;
    this.legalHolds = legalHolds;
    this.store = store;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Returns the number of recordings deleted. */
  public int sweep() {
    Instant now = clock.instant();
    int deleted = 0;
    for (CameraProtocol camera : protocols.withFootage()) {
      deleted += sweep(camera, now);
    }
    return deleted;
  }

  int sweep(CameraProtocol camera, Instant now) {
    // RET-4: a legal hold on camera footage (system "camera", the whole system or this camera's reference as item)
    // keeps all of the camera's recordings, whatever their age
    boolean legallyHeld = legalHolds.running(LocalDate.ofInstant(now, clock.getZone())).stream()
        .anyMatch(hold -> LEGAL_HOLD_SYSTEM.equals(hold.system()) && hold.subjectEmail() == null
            && hold.subjectTenancyNumber() == null
            && (hold.itemId() == null || hold.itemId().equals(camera.reference())));
    if (legallyHeld) {
      return 0;
    }
    Duration retention = Duration.ofHours(Math.min(camera.retentionHours(), RetentionPolicy.CEILING.toHours()));
    Instant cutoff = now.minus(retention);
    List<IncidentHoldService.Hold> active = holds.activeHolds(camera.reference());
    int deleted = 0;
    for (FootageItem item : store.list(camera.reference())) {
      if (!item.recordedAt().isBefore(cutoff)) {
        continue;
      }
      boolean held = active.stream().anyMatch(hold -> !item.recordedAt().isBefore(hold.footageFrom())
          && !item.recordedAt().isAfter(hold.footageUntil()));
      if (held) {
        continue;
      }
      store.delete(item);
      jdbc.update("INSERT INTO privacy.camera_footage_deletion (protocol_id, storage_key, recorded_at, deleted_at) "
          + "VALUES (?,?,?,?)", camera.id(), item.storageKey(), item.recordedAt().atOffset(ZoneOffset.UTC),
          OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      deleted++;
    }
    return deleted;
  }
}
