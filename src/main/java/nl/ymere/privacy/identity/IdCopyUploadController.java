package nl.ymere.privacy.identity;

import java.io.IOException;
import nl.ymere.privacy.identity.IdentityCheckService.UploadResult;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * The one-time upload link for a masked ID copy (public, no login: the link itself is the secret) and the copy view
 * for the checker (logged in, only the assignee of the check task).
 */
@Controller
class IdCopyUploadController {

  private final IdentityCheckService service;

  IdCopyUploadController(IdentityCheckService service) {
    this.service = service;
  }

  @GetMapping("/upload/{token}")
  String form(@PathVariable String token, Model model) {
    model.addAttribute("token", token);
    return "identity/upload";
  }

  @PostMapping(path = "/upload/{token}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  String upload(@PathVariable String token, @RequestParam(name = "file", required = false) MultipartFile file,
      Model model, jakarta.servlet.http.HttpServletResponse response) throws IOException {
    UploadResult result = service.receiveUpload(token, file == null ? null : file.getBytes());
    model.addAttribute("token", token);
    model.addAttribute("result", result.name());
    if (result != UploadResult.STORED) {
      response.setStatus(result == UploadResult.TOO_LARGE ? HttpStatus.PAYLOAD_TOO_LARGE.value()
          : result == UploadResult.UNSUPPORTED_TYPE || result == UploadResult.EMPTY
              ? HttpStatus.BAD_REQUEST.value() : HttpStatus.GONE.value());
    }
    return "identity/upload";
  }

  @GetMapping("/api/identity/{reference}/copy")
  @ResponseBody
  ResponseEntity<byte[]> copy(@PathVariable String reference, Authentication authentication) {
    return service.viewCopy(reference, authentication.getName())
        .map(c -> ResponseEntity.ok().contentType(MediaType.parseMediaType(c.contentType()))
            .header(HttpHeaders.CACHE_CONTROL, "no-store").body(c.bytes()))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
  }
}
