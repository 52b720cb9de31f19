package nl.ymere.privacy.access;

import jakarta.servlet.http.HttpServletResponse;
import nl.ymere.privacy.access.AccessDownloadService.Attempt;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public download page of a secure electronic delivery (ID-5; no login: the link from the e-mail plus the code
 * from the letter are the secret). {@code GET /inzage/{token}} asks for the code; {@code POST /inzage/{token}} with
 * {@code code} returns the PDF, or the page again with the reason (400 malformed or wrong code, 404 unknown link,
 * 410 expired, used up or blocked).
 */
@Controller
class AccessDownloadController {

  private final AccessDownloadService downloads;

  AccessDownloadController(AccessDownloadService downloads) {
    this.downloads = downloads;
  }

  @GetMapping(AccessDownloadService.DOWNLOAD_PATH + "{token}")
  String page(@PathVariable String token, Model model, HttpServletResponse response) {
    AccessDownloadService.LinkView view = downloads.view(token);
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setStatus(status(view.state()).value());
    model.addAttribute("token", token);
    model.addAttribute("state", view.state().name());
    model.addAttribute("attemptsLeft", view.attemptsLeft());
    return "access/download";
  }

  @PostMapping(AccessDownloadService.DOWNLOAD_PATH + "{token}")
  Object download(@PathVariable String token, @RequestParam(name = "code", required = false) String code,
      Model model, HttpServletResponse response) {
    Attempt attempt = downloads.download(token, code);
    if (attempt.result() == DownloadResult.DOWNLOADED) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
          .header(HttpHeaders.CACHE_CONTROL, "no-store")
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"inzagedossier.pdf\"")
          .body(attempt.pdf());
    }
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setStatus(status(attempt.result()).value());
    model.addAttribute("token", token);
    model.addAttribute("state", attempt.result().name());
    model.addAttribute("attemptsLeft", attempt.attemptsLeft());
    return "access/download";
  }

  private static HttpStatus status(DownloadResult result) {
    return switch (result) {
      case USABLE, DOWNLOADED -> HttpStatus.OK;
      case MALFORMED_CODE, WRONG_CODE -> HttpStatus.BAD_REQUEST;
      case INVALID -> HttpStatus.NOT_FOUND;
      case BLOCKED, EXPIRED, USED_UP -> HttpStatus.GONE;
    };
  }
}
