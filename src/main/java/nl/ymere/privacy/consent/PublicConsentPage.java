package nl.ymere.privacy.consent;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ymere.privacy.mail.OrganisationDetails;
import nl.ymere.privacy.request.SubmissionRateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public page {@code /toestemming} (CON-2: withdrawing as easily as giving): Dutch unless {@code lang=en}, no
 * JavaScript, the protections of {@code /verzoek} (the same per-address rate limit, a honeypot field that gets the
 * normal answer and stores nothing, CSRF). Steps: the e-mail address, the code sent to that address as the consent
 * register or a source holds it ({@link ConsentPageCodes}), then the consents in force, withdrawn through
 * {@link ConsentService#withdraw} like the desk's withdrawal, and the purposes on offer with their current text, given
 * through {@link ConsentService#give} (CON-1: per purpose, separate; CON-2: as easily as withdrawn). A purpose without
 * a current text is shown without a choice. Nothing personal is logged.
 */
@Controller
@RequestMapping("/toestemming")
class PublicConsentPage {

  /** Who the register records as having registered a consent or a withdrawal made on this page. */
  static final String REGISTERED_BY = "web-form";
  static final String WITHDRAWN_BY = REGISTERED_BY;

  private static final Logger log = LoggerFactory.getLogger(PublicConsentPage.class);

  private final ConsentPageCodes codes;
  private final ConsentService consents;
  private final SubmissionRateLimiter rateLimiter;
  private final OrganisationDetails organisation;
  private final Duration window;

  PublicConsentPage(ConsentPageCodes codes, ConsentService consents, SubmissionRateLimiter rateLimiter,
      OrganisationDetails organisation, @Value("${privacy.webform.window:PT10M}") Duration window) {
    this.codes = codes;
    this.consents = consents;
    this.rateLimiter = rateLimiter;
    this.organisation = organisation;
    this.window = window;
  }

  @GetMapping
  ModelAndView start(@RequestParam(name = "lang", required = false) String lang) {
    return page("email", lang, HttpStatus.OK);
  }

  @PostMapping
  ModelAndView sendCode(@RequestParam(name = "email", required = false) String email,
      @RequestParam(name = "website", required = false) String website,
      @RequestParam(name = "lang", required = false) String lang, HttpServletRequest request,
      HttpServletResponse response) {
    String address = request.getRemoteAddr();
    if (!rateLimiter.tryAcquire(address)) {
      log.info("Consent page: code request refused, the per-address limit is reached");
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(window.toSeconds()));
      ModelAndView tooMany = page("tooMany", lang, HttpStatus.TOO_MANY_REQUESTS);
      tooMany.addObject("windowMinutes", Math.max(1, window.toMinutes()));
      return tooMany;
    }
    if (website != null && !website.isBlank()) {
      // looks like success to the robot; nothing stored, nothing sent; counts against the address's limit
      log.info("Consent page: honeypot field filled, nothing stored");
      ModelAndView page = page("code", lang, HttpStatus.OK);
      page.addObject("token", "0".repeat(48));
      return page;
    }
    if (email == null || email.isBlank() || email.length() > 320
        || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      rateLimiter.release(address);
      ModelAndView page = page("email", lang, HttpStatus.BAD_REQUEST);
      page.addObject("error", "email");
      return page;
    }
    ModelAndView page = page("code", lang, HttpStatus.OK);
    page.addObject("token", codes.start(email, isEnglish(lang)));
    return page;
  }

  @PostMapping("/code")
  ModelAndView checkCode(@RequestParam(name = "token", required = false) String token,
      @RequestParam(name = "code", required = false) String code,
      @RequestParam(name = "lang", required = false) String lang) {
    ConsentPageCodes.Check check = codes.verify(token, code);
    if (check == ConsentPageCodes.Check.VERIFIED) {
      return choose(token, lang, HttpStatus.OK, null);
    }
    if (check == ConsentPageCodes.Check.WRONG) {
      ModelAndView page = page("code", lang, HttpStatus.BAD_REQUEST);
      page.addObject("token", token);
      page.addObject("error", "code");
      return page;
    }
    ModelAndView page = page("email", lang, HttpStatus.BAD_REQUEST);
    page.addObject("error", "expired");
    return page;
  }

  @PostMapping("/intrekken")
  ModelAndView withdraw(@RequestParam(name = "token", required = false) String token,
      @RequestParam(name = "consent", required = false) List<String> chosen,
      @RequestParam(name = "lang", required = false) String lang) {
    if (codes.consentsOf(token).isEmpty()) {
      ModelAndView page = page("email", lang, HttpStatus.BAD_REQUEST);
      page.addObject("error", "expired");
      return page;
    }
    if (chosen == null || chosen.isEmpty()) {
      return choose(token, lang, HttpStatus.BAD_REQUEST, "choose");
    }
    List<ConsentRecord> withdrawn = codes.withdraw(token, chosen);
    if (withdrawn.isEmpty()) {
      return choose(token, lang, HttpStatus.BAD_REQUEST, "choose");
    }
    ModelAndView page = page("done", lang, HttpStatus.OK);
    page.addObject("withdrawn", rows(withdrawn, isEnglish(lang)));
    return page;
  }

  @PostMapping("/geven")
  ModelAndView give(@RequestParam(name = "token", required = false) String token,
      @RequestParam(name = "purpose", required = false) List<String> chosen,
      @RequestParam(name = "lang", required = false) String lang) {
    if (!codes.verified(token)) {
      ModelAndView page = page("email", lang, HttpStatus.BAD_REQUEST);
      page.addObject("error", "expired");
      return page;
    }
    if (chosen == null || chosen.isEmpty()) {
      return choose(token, lang, HttpStatus.BAD_REQUEST, "choosePurpose");
    }
    List<ConsentRecord> given = codes.give(token, chosen);
    if (given.isEmpty()) {
      return choose(token, lang, HttpStatus.BAD_REQUEST, "notOnOffer");
    }
    ModelAndView page = page("given", lang, HttpStatus.OK);
    page.addObject("given", rows(given, isEnglish(lang)));
    return page;
  }

  private ModelAndView choose(String token, String lang, HttpStatus status, String error) {
    ModelAndView page = page("choose", lang, status);
    page.addObject("token", token);
    page.addObject("consents", rows(codes.consentsOf(token), isEnglish(lang)));
    boolean english = isEnglish(lang);
    page.addObject("offers", codes.offers(token).stream().map(offer -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("code", offer.purpose().code());
      row.put("purpose", english ? offer.purpose().nameEn() : offer.purpose().nameNl());
      row.put("available", offer.text().isPresent());
      row.put("value", offer.text().map(t -> offer.purpose().code() + ":" + t.version()).orElse(null));
      row.put("text", offer.text().map(t -> english ? t.textEn() : t.textNl()).orElse(null));
      row.put("version", offer.text().map(ConsentText::version).orElse(null));
      return row;
    }).toList());
    if (error != null) {
      page.addObject("error", error);
    }
    return page;
  }

  private List<Map<String, String>> rows(List<ConsentRecord> records, boolean english) {
    Map<String, Purpose> purposes = new LinkedHashMap<>();
    consents.purposes().forEach(p -> purposes.put(p.code(), p));
    return records.stream().map(c -> {
      Purpose purpose = purposes.get(c.purposeCode());
      Map<String, String> row = new LinkedHashMap<>();
      row.put("reference", c.reference());
      row.put("purpose", english ? purpose.nameEn() : purpose.nameNl());
      row.put("givenOn", c.givenAt().atZone(java.time.ZoneId.of("Europe/Amsterdam")).toLocalDate().toString());
      return row;
    }).toList();
  }

  private ModelAndView page(String step, String lang, HttpStatus status) {
    ModelAndView page = new ModelAndView("consent/page", status);
    boolean english = isEnglish(lang);
    page.addObject("en", english);
    page.addObject("lang", english ? "en" : "nl");
    page.addObject("step", step);
    page.addObject("org", organisation);
    page.addObject("error", null);
    return page;
  }

  private static boolean isEnglish(String lang) {
    return "en".equalsIgnoreCase(lang);
  }
}
