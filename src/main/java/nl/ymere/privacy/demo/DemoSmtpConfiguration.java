package nl.ymere.privacy.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The in-process SMTP server of the demo profile ({@code privacy.demo.smtp-server-enabled=true}): mail is
 * delivered and can be read at {@code /admin/mailbox} without installing anything. Listens on 127.0.0.1 only, on
 * {@code privacy.demo.smtp-port}: 0 (the default) takes a free port, printed at start and shown on the mailbox page,
 * so two instances on one machine both start (issue 15 item 13). The application's mail sender is pointed at
 * it, so {@code spring.mail.host}/{@code port} need no change. Tests read received mail from the {@link GreenMail}
 * bean.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "privacy.demo.smtp-server-enabled", havingValue = "true")
class DemoSmtpConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DemoSmtpConfiguration.class);
  static final String BIND_ADDRESS = "127.0.0.1";

  @Bean(destroyMethod = "stop")
  GreenMail demoSmtpServer(@Value("${privacy.demo.smtp-port:0}") int port,
      ObjectProvider<JavaMailSenderImpl> mailSenders) {
    if (port != 0) {
      requireFree(port);
    }
    GreenMail server = new GreenMail(new ServerSetup(port, BIND_ADDRESS, ServerSetup.PROTOCOL_SMTP));
    try {
      server.start();
    } catch (RuntimeException e) {
      server.stop();
      throw new IllegalStateException("De demo-SMTP-server kon niet starten op " + BIND_ADDRESS + ":" + port
          + " (privacy.demo.smtp-port; 0 = een vrije poort): " + e.getMessage(), e);
    }
    int actualPort = server.getSmtp().getPort();
    mailSenders.ifAvailable(sender -> {
      sender.setHost(BIND_ADDRESS);
      sender.setPort(actualPort);
    });
    log.info("Demo SMTP server listening on {}:{}; received mail at /admin/mailbox", BIND_ADDRESS, actualPort);
    return server;
  }

  /**
   * A configured port that another program (or a second instance of this application) holds: said plainly, instead
   * of GreenMail's start-up timeout (issue 15 item 13).
   */
  private static void requireFree(int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(BIND_ADDRESS, port));
    } catch (IOException e) {
      throw new IllegalStateException("Poort " + port + " voor de demo-SMTP-server is al in gebruik (bijvoorbeeld "
          + "door een tweede instantie op deze machine). Zet privacy.demo.smtp-port op 0 (een vrije poort, de "
          + "standaard) of op een andere vrije poort.", e);
    }
  }
}
