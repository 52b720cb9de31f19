package nl.ymere.privacy.portability;

import java.time.Instant;

/**
 * The POR record with its file (product table {@code portability_export}): datasets, format, recipient, date and the
 * SHA-256 of the exact bytes (POR-3).
 */
public record PortabilityExport(String reference, ExportFormat format, String datasets, int itemCount,
    String recipient, byte[] content, String sha256, Instant createdAt) {

  public String fileName() {
    return "gegevens-" + reference + "." + format.extension();
  }
}
