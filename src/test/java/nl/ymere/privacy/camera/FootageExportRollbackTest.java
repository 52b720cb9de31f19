package nl.ymere.privacy.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import nl.ymere.privacy.camera.FootageStore.FootageItem;
import nl.ymere.privacy.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 15 item 5: an export copy made inside a transaction that rolls back (its CAM-8 log row is gone) is deleted
 * with it; a committed one stays.
 */
@IntegrationTest
class FootageExportRollbackTest {

  @Autowired FootageStore store;
  @Autowired PlatformTransactionManager transactions;
  @Autowired CameraProperties properties;

  @Test
  void aCopyWhoseTransactionRollsBackIsDeletedAndACommittedOneStays() {
    FootageItem recording = store.store("CAM-2026-990001", Instant.parse("2026-03-01T22:00:00Z"), new byte[] {1, 2, 3});
    TransactionTemplate transaction = new TransactionTemplate(transactions);

    String rolledBack = transaction.execute(status -> {
      String key = store.export(recording, "BVR-2026-990001");
      RollbackCleanup.onRollback(() -> store.deleteExport(key));
      status.setRollbackOnly();
      return key;
    });
    String committed = transaction.execute(status -> {
      String key = store.export(recording, "BVR-2026-990002");
      RollbackCleanup.onRollback(() -> store.deleteExport(key));
      return key;
    });

    assertThat(exists(rolledBack)).isFalse();
    assertThat(exists(committed)).isTrue();
  }

  private boolean exists(String exportKey) {
    return java.nio.file.Files.exists(properties.footageDir().resolve(exportKey));
  }
}
