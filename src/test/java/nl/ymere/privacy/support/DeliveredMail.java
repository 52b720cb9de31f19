package nl.ymere.privacy.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import nl.ymere.privacy.mail.OutboxDispatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What really reached the in-process SMTP server (GreenMail): the outbox is drained through the dispatcher as the
 * scheduled job would, then the delivered messages of a case are read back with their decoded HTML.
 */
@Component
public class DeliveredMail {

  @Autowired OutboxDispatcher dispatcher;
  @Autowired GreenMail smtp;

  /** A delivered message: its subject, recipients and decoded text. */
  public record Mail(String subject, List<String> recipients, String html) {
  }

  /** Sends what is due (the outbox is shared with other tests: batch by batch) and returns the case's messages. */
  public List<Mail> of(String reference) {
    for (int run = 0; run < 50 && dispatcher.dispatchDue() > 0; run++) {
      // drain
    }
    return Arrays.stream(smtp.getReceivedMessages()).map(DeliveredMail::read)
        .filter(m -> m.subject() != null && m.subject().contains(reference)).toList();
  }

  /** The last delivered message of the case whose subject starts with this text. */
  public Mail last(String reference, String subjectStart) {
    return of(reference).stream().filter(m -> m.subject().startsWith(subjectStart)).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no delivered message '" + subjectStart + "…' for " + reference));
  }

  private static Mail read(MimeMessage message) {
    try {
      return new Mail(message.getSubject(), Arrays.stream(message.getAllRecipients()).map(Object::toString).toList(),
          text(message.getContent()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(Object content) throws Exception {
    if (content instanceof String text) {
      return text;
    }
    StringBuilder all = new StringBuilder();
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart part = multipart.getBodyPart(i);
        all.append(text(part.getContent()));
      }
    }
    return all.toString();
  }
}
