package nl.ymere.privacy.portability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the portability file (POR-3) in the documented schema: JSON per {@code portability/export.schema.json}
 * (default) or CSV with one row per field (columns {@link #CSV_HEADER}), UTF-8; and its SHA-256. The same input gives
 * the same bytes, so the recorded checksum can be checked against the file.
 */
final class PortabilityFileWriter {

  static final String SCHEMA_ID = "https://privacy.ymere.nl/schemas/portability-export-1.json";
  static final List<String> CSV_HEADER = List.of("system", "systemName", "itemId", "category", "legalBasis",
      "origin", "field", "value");

  /** One portable item as it goes into the file. */
  record ExportedItem(String system, String systemName, String itemId, String category, String legalBasis,
      String origin, Map<String, String> fields) {
  }

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PortabilityFileWriter() {
  }

  static byte[] write(ExportFormat format, String reference, String controller, Instant createdAt,
      List<ExportedItem> items) {
    return format == ExportFormat.CSV ? csv(items) : json(reference, controller, createdAt, items);
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static byte[] json(String reference, String controller, Instant createdAt, List<ExportedItem> items) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("$schema", SCHEMA_ID);
    root.put("reference", reference);
    root.put("controller", controller);
    root.put("createdAt", createdAt.toString());
    root.put("items", items.stream().map(item -> {
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("system", item.system());
      node.put("systemName", item.systemName());
      node.put("itemId", item.itemId());
      node.put("category", item.category());
      node.put("legalBasis", item.legalBasis());
      node.put("origin", item.origin());
      node.put("fields", item.fields());
      return node;
    }).toList());
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the portability file could not be written", e);
    }
  }

  /** RFC 4180: every value quoted, quotes doubled, CRLF line ends. */
  private static byte[] csv(List<ExportedItem> items) {
    StringBuilder out = new StringBuilder();
    row(out, CSV_HEADER);
    for (ExportedItem item : items) {
      item.fields().forEach((field, value) -> row(out, List.of(item.system(), item.systemName(), item.itemId(),
          item.category(), item.legalBasis(), item.origin(), field, value)));
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void row(StringBuilder out, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append('"').append(values.get(i).replace("\"", "\"\"")).append('"');
    }
    out.append("\r\n");
  }
}
