package nl.ymere.privacy.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff's login page, in Dutch (one login for Tasklist, Cockpit, the workbench and the admin pages). After a
 * failed attempt it says why: a wrong user name or password, or the wait of the {@link LoginThrottle}.
 */
@Controller
class LoginPageController {

  static final String WRONG_CREDENTIALS = "Onjuiste gebruikersnaam of wachtwoord.";

  @GetMapping("/login")
  String loginPage(HttpServletRequest request, Model model) {
    if (request.getParameter("error") != null) {
      model.addAttribute("error", failure(request.getSession(false)));
    }
    model.addAttribute("loggedOut", request.getParameter("logout") != null);
    return "security/login";
  }

  private static String failure(HttpSession session) {
    Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    return failure instanceof LoginThrottledException throttled ? throttled.getMessage() : WRONG_CREDENTIALS;
  }
}
