package nl.ymere.privacy.retention;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/retention/report?year=} (issue 17 item 6): the year's retention report as JSON, and as CSV on
 * {@code /api/retention/report.csv?year=}; privacy officers and the FG (SecurityConfiguration). A bad year is a 400.
 */
@RestController
@RequestMapping("/api/retention")
class RetentionReportController {

  private final RetentionReport report;

  RetentionReportController(RetentionReport report) {
    this.report = report;
  }

  @GetMapping(path = "/report", produces = MediaType.APPLICATION_JSON_VALUE)
  RetentionReport.Report report(@RequestParam(required = false) String year) {
    return report.of(year);
  }

  @GetMapping(path = "/report.csv")
  ResponseEntity<String> csv(@RequestParam(required = false) String year) {
    String body = report.csv(year);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bewaarrapport.csv\"")
        .body(body);
  }
}
