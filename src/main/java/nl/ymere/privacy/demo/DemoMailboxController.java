package nl.ymere.privacy.demo;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * Read-only inbox of the demo SMTP server at {@code /admin/mailbox} (admins only, SecurityConfiguration): every
 * received message with time, recipient and subject, and one message's body.
 */
@Controller
@RequestMapping("/admin/mailbox")
@ConditionalOnProperty(name = "privacy.demo.smtp-server-enabled", havingValue = "true")
class DemoMailboxController {

  record ReceivedMail(int index, ZonedDateTime sentAt, String from, String to, String subject, String messageId,
      String reference) {
  }

  record MailBody(String html, String text) {
  }

  private final GreenMail server;
  private final ZoneId zone;

  DemoMailboxController(GreenMail server, @Value("${privacy.time-zone:Europe/Amsterdam}") ZoneId zone) {
    this.server = server;
    this.zone = zone;
  }

  @GetMapping
  String inbox(Model model) throws MessagingException {
    MimeMessage[] received = server.getReceivedMessages();
    List<ReceivedMail> mails = new ArrayList<>();
    for (int i = received.length - 1; i >= 0; i--) {
      mails.add(summary(i, received[i]));
    }
    model.addAttribute("mails", mails);
    model.addAttribute("port", server.getSmtp().getPort());
    return "admin/mailbox";
  }

  @GetMapping("/{index}")
  String message(@PathVariable int index, Model model) throws MessagingException, IOException {
    MimeMessage[] received = server.getReceivedMessages();
    if (index < 0 || index >= received.length) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    MailBody body = collect(received[index], new MailBody(null, null));
    model.addAttribute("mail", summary(index, received[index]));
    model.addAttribute("html", body.html());
    model.addAttribute("text", body.text());
    return "admin/mailbox-message";
  }

  private ReceivedMail summary(int index, MimeMessage message) throws MessagingException {
    Date sent = message.getSentDate();
    return new ReceivedMail(index, sent == null ? null : sent.toInstant().atZone(zone), addresses(message.getFrom()),
        addresses(message.getAllRecipients()), message.getSubject(), message.getMessageID(),
        message.getHeader("X-Privacy-Reference", null));
  }

  private static String addresses(Address[] addresses) {
    return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
  }

  private static MailBody collect(Part part, MailBody found) throws MessagingException, IOException {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      MailBody result = found;
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        result = collect(child, result);
      }
      return result;
    }
    if (part.isMimeType("text/html") && found.html() == null) {
      return new MailBody(String.valueOf(part.getContent()), found.text());
    }
    if (part.isMimeType("text/plain") && found.text() == null) {
      return new MailBody(found.html(), String.valueOf(part.getContent()));
    }
    return found;
  }
}
