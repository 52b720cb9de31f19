package nl.ymere.privacy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * One Spring Boot application holding the Camunda 7 engine, the webapps, the engine REST API,
 * the product API ({@code /api}), the public request form and the mail outbox (DESIGN.md "Runtime picture").
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PrivacyApplication {

  public static void main(String[] args) {
    application().run(args);
  }

  /** The application as {@link #main} starts it: with the JVM default time zone from {@code privacy.time-zone}. */
  static SpringApplication application() {
    SpringApplication application = new SpringApplication(PrivacyApplication.class);
    application.addListeners(new ProductTimeZone());
    return application;
  }
}
