package nl.ymere.privacy.camera;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/**
 * Where a camera's footage lives (CAM-5). The product only lists, reads (export) and deletes recordings; the
 * recorder writes them. {@link FileFootageStore} is the file-based demo implementation; a video management system
 * would be another.
 */
public interface FootageStore {

  /** One recording of one camera. */
  record FootageItem(String cameraReference, String storageKey, Instant recordedAt) {
  }

  FootageItem store(String cameraReference, Instant recordedAt, byte[] content);

  /** Every recording of a camera, oldest first. */
  List<FootageItem> list(String cameraReference);

  InputStream open(FootageItem item);

  void delete(FootageItem item);

  /** Copies one recording for a footage request; returns the export's key (CAM-8: every export is logged). */
  String export(FootageItem item, String requestReference);

  /** Deletes an export copy (its log row was rolled back, so the copy must not outlive it). */
  void deleteExport(String exportKey);
}
