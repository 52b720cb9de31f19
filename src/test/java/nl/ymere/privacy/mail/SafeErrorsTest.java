package nl.ymere.privacy.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.SendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** DESIGN principle 2: errors written to last_error and logs name no address. */
class SafeErrorsTest {

  @Test
  void removesEveryAddressFromTheWholeCauseChain() {
    Exception error = new MailSendException("Mail server connection failed for jan.jansen@example.org",
        new SendFailedException("550 5.1.1 <piet+privacy@mail.example.nl>: Recipient address rejected"));

    String described = SafeErrors.describe(error);

    assertThat(described)
        .contains("MailSendException", "SendFailedException", "550 5.1.1", "Recipient address rejected")
        .doesNotContain("jan.jansen", "piet", "example.org", "example.nl", "@");
  }

  @Test
  void limitsTheLength() {
    assertThat(SafeErrors.sanitise("x".repeat(5000))).hasSize(1000);
  }
}
