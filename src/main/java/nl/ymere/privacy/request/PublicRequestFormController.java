package nl.ymere.privacy.request;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.ymere.privacy.mail.OrganisationDetails;
import nl.ymere.privacy.process.SystemActions;
import nl.ymere.privacy.web.ApiUnprocessableException;
import nl.ymere.privacy.web.ApiValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The public request form (REQ-2, the web-form intake channel): server-rendered, Dutch unless {@code ?lang=en}, works
 * without JavaScript. A submission goes through {@link RequestRegistrationService#register} like
 * {@code POST /api/requests} (same checks, same reference, due date and acknowledgement), with channel
 * {@code WEB_FORM}. A filled honeypot field gets the normal thank-you page and stores nothing; more accepted
 * submissions from one address than {@code privacy.webform.max-per-window} answer 429. Nothing personal is logged.
 */
@Controller
@RequestMapping(PublicFormLocaleResolver.PATH)
class PublicRequestFormController {

  static final String REGISTERED_BY = "web-form";
  static final String RECEIVED_PATH = PublicFormLocaleResolver.PATH + "/ontvangen";
  /** SecurityConfiguration forwards a post with an expired session to {@code /verzoek/sessie-verlopen}. */
  static final String SESSION_EXPIRED_PATH_IN_FORM = "/sessie-verlopen";

  private static final Logger log = LoggerFactory.getLogger(PublicRequestFormController.class);

  private final RequestRegistrationService registration;
  private final SubmissionRateLimiter rateLimiter;
  private final SystemActions systemActions;
  private final MessageSource messages;
  private final WebFormProperties properties;
  private final OrganisationDetails organisation;
  private final PublicComplaintIntake complaints;

  PublicRequestFormController(RequestRegistrationService registration, SubmissionRateLimiter rateLimiter,
      SystemActions systemActions, MessageSource messages, WebFormProperties properties,
      OrganisationDetails organisation, PublicComplaintIntake complaints) {
    this.organisation = organisation;
    this.complaints = complaints;
    this.registration = registration;
    this.rateLimiter = rateLimiter;
    this.systemActions = systemActions;
    this.messages = messages;
    this.properties = properties;
  }

  /** A label for a choice in a select. */
  record Choice(String value, String label) {
  }

  @GetMapping
  ModelAndView form(Locale locale) {
    return page(new PublicRequestForm(), new PublicRequestFormErrors(), false, locale, HttpStatus.OK);
  }

  @PostMapping
  ModelAndView submit(@ModelAttribute("form") PublicRequestForm form, BindingResult ignoredBinding,
      HttpServletRequest request, HttpServletResponse response, Locale locale, RedirectAttributes redirect) {
    // Every field is text except the checkbox: an unreadable checkbox value just leaves it unticked.
    String address = request.getRemoteAddr();
    if (!rateLimiter.tryAcquire(address)) {
      log.info("Web form: submission refused, the per-address limit of {} per {} is reached",
          properties.maxPerWindow(), properties.window());
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(properties.window().toSeconds()));
      ModelAndView tooMany = new ModelAndView("request/too-many", HttpStatus.TOO_MANY_REQUESTS);
      addPageBasics(tooMany.getModel(), locale);
      tooMany.addObject("windowMinutes", Math.max(1, properties.window().toMinutes()));
      return tooMany;
    }
    if (form.honeypotFilled()) {
      // Looks like success to the robot; counts against the address's limit.
      log.info("Web form: honeypot field filled, submission discarded (nothing stored)");
      return redirectToReceived(locale);
    }
    PublicRequestFormErrors errors = new PublicRequestFormErrors();
    if (PublicComplaintIntake.KIND.equals(form.getRight())) {
      // issue 19, CMP-1: "klacht over privacy", with the same protections as a request (above and the chain's CSRF)
      try {
        PublicComplaintIntake.Filed filed = systemActions.call(() -> complaints.file(form.getRequesterName(),
            form.getRequesterEmail(), form.getRequesterPostalAddress(), form.getDescription(), REGISTERED_BY));
        redirect.addFlashAttribute("reference", filed.reference());
        redirect.addFlashAttribute("dueDate", filed.dueDate());
        redirect.addFlashAttribute("acknowledgedByEmail", filed.acknowledgedByEmail());
        redirect.addFlashAttribute("complaint", true);
        return redirectToReceived(locale);
      } catch (ApiValidationException e) {
        errors.addAll(e.errors());
        rateLimiter.release(address);
        return page(form, errors, false, locale, HttpStatus.BAD_REQUEST);
      }
    }
    RegisterRequestCommand command = form.toCommand(language(locale), errors);
    try {
      if (!errors.isEmpty()) {
        // The form's own problems first; the service's checks of the other fields are shown with them.
        registration.validate(command);
      } else {
        // The visitor has no engine authentication: the start runs as the system, like any anonymous intake.
        RequestRecord registered = systemActions.call(() -> registration.register(command, REGISTERED_BY));
        redirect.addFlashAttribute("reference", registered.reference());
        redirect.addFlashAttribute("dueDate", registered.effectiveDueDate());
        redirect.addFlashAttribute("acknowledgedByEmail", registered.hasEmail());
        return redirectToReceived(locale);
      }
    } catch (ApiValidationException e) {
      errors.addAll(e.errors());
    } catch (ApiUnprocessableException e) {
      // REP-1 / SD-6: a data subject under 16 files only through the holder of parental authority.
      if (errors.isEmpty()) {
        rateLimiter.release(address);
        return page(form, errors, true, locale, HttpStatus.UNPROCESSABLE_ENTITY);
      }
    }
    rateLimiter.release(address);
    return page(form, errors, false, locale, HttpStatus.BAD_REQUEST);
  }

  /**
   * A post without a valid CSRF token, forwarded here by the security chain (its session expired while the visitor
   * was typing): the form again with what was typed and a fresh token; nothing stored, nothing counted.
   */
  @RequestMapping(SESSION_EXPIRED_PATH_IN_FORM)
  ModelAndView sessionExpired(@ModelAttribute("form") PublicRequestForm form, BindingResult ignoredBinding,
      Locale locale) {
    form.setWebsite(null);
    ModelAndView page = page(form, new PublicRequestFormErrors(), false, locale, HttpStatus.FORBIDDEN);
    page.addObject("sessionExpired", true);
    return page;
  }

  /** The thank-you page: reference and due date come from the submission (flash attributes), nothing else. */
  @GetMapping("/ontvangen")
  ModelAndView received(Model model, Locale locale) {
    ModelAndView page = new ModelAndView("request/received", model.asMap());
    addPageBasics(page.getModel(), locale);
    return page;
  }

  private ModelAndView redirectToReceived(Locale locale) {
    RedirectView view = new RedirectView(RECEIVED_PATH + ("en".equals(language(locale)) ? "?lang=en" : ""), true);
    view.setStatusCode(HttpStatus.SEE_OTHER);
    view.setExposeModelAttributes(false);
    return new ModelAndView(view);
  }

  private ModelAndView page(PublicRequestForm form, PublicRequestFormErrors errors, boolean childMustBeRepresented,
      Locale locale, HttpStatus status) {
    ModelAndView page = new ModelAndView("request/form", status);
    Map<String, Object> model = page.getModel();
    addPageBasics(model, locale);
    model.put("form", form);
    model.put("rights", rightChoices(locale));
    model.put("representations", representationChoices(locale));
    model.put("objectionScopes", objectionScopeChoices(locale));
    Map<String, String> fieldErrors = new LinkedHashMap<>();
    errors.codes().forEach((field, code) -> fieldErrors.put(field,
        messages.getMessage(code, null, messages.getMessage("webform.error.invalid", null, locale), locale)));
    model.put("errors", fieldErrors);
    model.put("childMustBeRepresented", childMustBeRepresented);
    model.put("sessionExpired", false);
    model.put("maxDescription", RequestRegistrationService.MAX_DESCRIPTION);
    return page;
  }

  private void addPageBasics(Map<String, Object> model, Locale locale) {
    model.put("lang", language(locale));
    model.put("privacyStatementUrl", properties.privacyStatementUrl());
    model.put("org", organisation);
  }

  /** Dutch names from {@link RequestRight#dutchName()}; English names from the messages. */
  private List<Choice> rightChoices(Locale locale) {
    List<Choice> choices = new java.util.ArrayList<>(Arrays.stream(RequestRight.values())
        .map(right -> new Choice(right.name(), "en".equals(language(locale))
            ? messages.getMessage("webform.right." + right.name(), null, right.name(), locale)
            : capitalised(right.dutchName())))
        .toList());
    // issue 19: a complaint about privacy is filed on the same form (CMP-1)
    choices.add(new Choice(PublicComplaintIntake.KIND, messages.getMessage("webform.right.COMPLAINT", null,
        "Klacht over privacy", locale)));
    return choices;
  }

  /** OBJ-1, OBJ-2: what an objection is against; the empty choice means "not sure" (the desk records it). */
  private List<Choice> objectionScopeChoices(Locale locale) {
    List<Choice> choices = new java.util.ArrayList<>();
    for (ObjectionScope scope : ObjectionScope.values()) {
      choices.add(new Choice(scope.name(), messages.getMessage("webform.objectionScope." + scope.name(), null,
          scope.name(), locale)));
    }
    choices.add(new Choice("", messages.getMessage("webform.objectionScope.UNKNOWN", null, "", locale)));
    return choices;
  }

  /** Everyone but SELF: the capacities in which one files for someone else (REP-1 to REP-4). */
  private List<Choice> representationChoices(Locale locale) {
    return Arrays.stream(Representation.values()).filter(r -> r != Representation.SELF)
        .map(r -> new Choice(r.name(), messages.getMessage("webform.representation." + r.name(), null, r.name(),
            locale)))
        .toList();
  }

  private static String language(Locale locale) {
    return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "nl";
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
