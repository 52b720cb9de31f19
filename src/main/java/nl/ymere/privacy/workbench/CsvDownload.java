package nl.ymere.privacy.workbench;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A workbench list as a CSV download (requests, complaints, breaches): UTF-8 with a byte-order mark so that Excel reads
 * it as such, semicolons, CRLF, and every cell through {@link WorkbenchController#csv} (quoting, no formulas).
 */
final class CsvDownload {

  private final PrintWriter out;

  private CsvDownload(PrintWriter out) {
    this.out = out;
  }

  /** Starts the download named {@code filename} with its header line. */
  static CsvDownload start(HttpServletResponse response, String filename, String header) throws IOException {
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    PrintWriter out = response.getWriter();
    out.print('\uFEFF'); // Excel reads the file as UTF-8
    out.print(header + "\r\n");
    return new CsvDownload(out);
  }

  void row(List<String> cells) {
    out.print(String.join(";", cells.stream().map(WorkbenchController::csv).toList()));
    out.print("\r\n");
  }
}
