package nl.ymere.privacy.portability;

/** The structured, machine-readable formats of a portability export (POR-3: JSON by default, CSV optional). */
public enum ExportFormat {
  JSON("application/json", "json"),
  CSV("text/csv", "csv");

  private final String contentType;
  private final String extension;

  ExportFormat(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  public String contentType() {
    return contentType;
  }

  public String extension() {
    return extension;
  }
}
