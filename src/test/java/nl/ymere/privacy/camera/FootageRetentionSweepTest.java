package nl.ymere.privacy.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import nl.ymere.privacy.camera.FootageStore.FootageItem;
import nl.ymere.privacy.legalhold.LegalHolds;
import nl.ymere.privacy.personaldata.ItemRef;
import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CAM-5: the sweep deletes recordings older than their camera's retention from the file-based footage store, keeps
 * those an active incident hold covers, and keeps held footage only until the hold ends.
 */
@IntegrationTest
class FootageRetentionSweepTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 5);

  @Autowired CameraTestSupport support;
  @Autowired FootageStore store;
  @Autowired FootageRetentionSweep sweep;
  @Autowired IncidentHoldService holds;
  @Autowired LegalHolds legalHolds;

  String camera;
  Instant now;

  @BeforeEach
  void activeCamera() {
    support.setNow(TODAY, 10, 0);
    camera = support.activeOvertCamera("S" + System.nanoTime() % 1_000_000);
    now = ClockUtil.getCurrentTime().toInstant();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private FootageItem record(long hoursAgo) {
    return store.store(camera, now.minus(hoursAgo, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS),
        ("beeld " + hoursAgo).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldDeleteFootagePastTheCamerasRetentionButNotFootageUnderAnIncidentHold() {
    FootageItem fresh = record(10);
    FootageItem justInside = record(71);
    FootageItem expired = record(73);
    FootageItem held = record(100);
    FootageItem expiredToo = record(200);
    holds.place(camera, "INC-2026-0042", "Inbraak in berging, aangifte gedaan", held.recordedAt().minusSeconds(60),
        held.recordedAt().plusSeconds(60), TODAY.plusDays(30), "officer");

    int deleted = sweep.sweep();

    assertThat(store.list(camera)).containsExactly(held, justInside, fresh);
    assertThat(deleted).isGreaterThanOrEqualTo(2);
    assertThat(support.jdbc.queryForList("SELECT d.storage_key FROM privacy.camera_footage_deletion d JOIN "
        + "privacy.camera_protocol p ON p.id = d.protocol_id WHERE p.reference = ?", String.class, camera))
        .containsExactlyInAnyOrder(expired.storageKey(), expiredToo.storageKey());
    assertThat(support.protocol(camera).retentionHours()).isEqualTo(72);
  }

  @Test
  void shouldDeleteHeldFootageOnceTheHoldHasEnded() {
    FootageItem held = record(100);
    holds.place(camera, "INC-2026-0043", "Vernieling van de lift", held.recordedAt(), held.recordedAt(),
        TODAY.plusDays(7), "officer");
    sweep.sweep();
    assertThat(store.list(camera)).containsExactly(held);

    support.setNow(TODAY.plusDays(8), 10, 0);
    sweep.sweep();
    assertThat(store.list(camera)).isEmpty();
  }

  /** RET-4: a legal hold on the camera's footage keeps all of it; released, the sweep deletes what is past. */
  @Test
  void shouldKeepAllFootageOfACameraUnderALegalHoldUntilItIsReleased() {
    FootageItem expired = record(100);
    long hold = legalHolds.holdItem(new ItemRef(FootageRetentionSweep.LEGAL_HOLD_SYSTEM, camera),
        "Procedure over de inbraak", null, "officer");
    try {
      sweep.sweep();
      assertThat(store.list(camera)).containsExactly(expired);
    } finally {
      legalHolds.release(hold, "fg");
    }
    sweep.sweep();
    assertThat(store.list(camera)).isEmpty();
  }

  @Test
  void shouldUseEachCamerasOwnRetention() {
    String longer = support.start("facility", withRetention(CameraTestSupport.overtRequest("R" + System.nanoTime()),
        120));
    support.assess(longer, true, "R");
    support.fgAdvice(longer, CameraProtocolProcess.Elements.ADVISE_LEGITIMATE_INTEREST, "R");
    support.screen(longer, Map.of());
    support.approve("manager", longer);
    support.confirmSignage(longer);
    FootageItem within = store.store(longer, now.minus(100, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS),
        new byte[] {1});
    FootageItem past = store.store(longer, now.minus(121, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS),
        new byte[] {2});
    sweep.sweep();
    assertThat(store.list(longer)).containsExactly(within).doesNotContain(past);
  }

  private static Map<String, Object> withRetention(Map<String, Object> form, int hours) {
    form.put("retentionHours", hours);
    form.put("retentionJustification", "Beelden van het weekend worden pas op dinsdag bekeken");
    return form;
  }
}
