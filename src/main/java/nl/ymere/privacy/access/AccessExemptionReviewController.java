package nl.ymere.privacy.access;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import nl.ymere.privacy.web.ApiValidationException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * ACC-4 follow-up list: withheld items whose temporary exemption ground is due for review, at
 * {@code GET /api/requests/access-exemption-reviews?dueBy=YYYY-MM-DD} (default today; privacy desk and officers).
 */
@RestController
class AccessExemptionReviewController {

  private final AccessReviewService review;

  AccessExemptionReviewController(AccessReviewService review) {
    this.review = review;
  }

  @GetMapping("/api/requests/access-exemption-reviews")
  List<ExemptionReview> due(@RequestParam(name = "dueBy", required = false) String dueBy) {
    LocalDate date = null;
    if (dueBy != null && !dueBy.isBlank()) {
      try {
        date = LocalDate.parse(dueBy.strip());
      } catch (DateTimeParseException e) {
        throw new ApiValidationException("dueBy", "must be a date like 2026-06-30");
      }
    }
    return review.exemptionReviewsDueBy(date);
  }
}
