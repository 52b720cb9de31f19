package nl.ymere.privacy.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
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
 * {@code privacy.demo.smtp-port} (0 = a free port, used by the tests). The application's mail sender is pointed at
 * it, so {@code spring.mail.host}/{@code port} need no change. Tests read received mail from the {@link GreenMail}
 * bean.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "privacy.demo.smtp-server-enabled", havingValue = "true")
class DemoSmtpConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DemoSmtpConfiguration.class);
  static final String BIND_ADDRESS = "127.0.0.1";

  @Bean(destroyMethod = "stop")
  GreenMail demoSmtpServer(@Value("${privacy.demo.smtp-port:3025}") int port,
      ObjectProvider<JavaMailSenderImpl> mailSenders) {
    GreenMail server = new GreenMail(new ServerSetup(port, BIND_ADDRESS, ServerSetup.PROTOCOL_SMTP));
    server.start();
    int actualPort = server.getSmtp().getPort();
    mailSenders.ifAvailable(sender -> {
      sender.setHost(BIND_ADDRESS);
      sender.setPort(actualPort);
    });
    log.info("Demo SMTP server listening on {}:{}; received mail at /admin/mailbox", BIND_ADDRESS, actualPort);
    return server;
  }
}
