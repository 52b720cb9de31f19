package nl.ymere.privacy.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Issue 15 item 13: the demo SMTP server took the fixed port 3025, so a second instance on the same machine crashed
 * at start with a misleading message. It now takes a free port unless one is configured, and a configured port that
 * is taken fails with a message that says so.
 */
class DemoSmtpServerTest {

  private final DemoSmtpConfiguration configuration = new DemoSmtpConfiguration();

  @Test
  void theDemoProfileTakesAFreePortByDefault() throws IOException {
    PropertySource<?> demo = new YamlPropertySourceLoader()
        .load("demo", new ClassPathResource("application-demo.yml")).get(0);

    assertThat(String.valueOf(demo.getProperty("privacy.demo.smtp-port"))).isEqualTo("0");
  }

  @Test
  void twoInstancesOnOneMachineEachGetTheirOwnPort() {
    JavaMailSenderImpl firstSender = new JavaMailSenderImpl();
    JavaMailSenderImpl secondSender = new JavaMailSenderImpl();
    GreenMail first = configuration.demoSmtpServer(0, senders(firstSender));
    try {
      GreenMail second = configuration.demoSmtpServer(0, senders(secondSender));
      try {
        assertThat(first.getSmtp().getPort()).isPositive().isNotEqualTo(second.getSmtp().getPort());
        assertThat(firstSender.getPort()).isEqualTo(first.getSmtp().getPort());
        assertThat(secondSender.getPort()).isEqualTo(second.getSmtp().getPort());
      } finally {
        second.stop();
      }
    } finally {
      first.stop();
    }
  }

  @Test
  void aConfiguredPortThatIsTakenFailsWithAMessageThatSaysSo() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName(DemoSmtpConfiguration.BIND_ADDRESS))) {
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> configuration.demoSmtpServer(port, senders(new JavaMailSenderImpl())))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(String.valueOf(port))
          .hasMessageContaining("privacy.demo.smtp-port");
    }
  }

  private static ObjectProvider<JavaMailSenderImpl> senders(JavaMailSenderImpl sender) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("mailSender", sender);
    return beans.getBeanProvider(JavaMailSenderImpl.class);
  }
}
