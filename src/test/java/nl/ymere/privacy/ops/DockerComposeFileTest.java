package nl.ymere.privacy.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be started here (no Docker engine), so this test keeps it consistent with the
 * application: the services exist, both nodes share one database, and every {@code PRIVACY_*} variable it sets is
 * one the application actually reads (a typo would otherwise be ignored silently and the node would fall back to
 * a default such as the local database).
 */
class DockerComposeFileTest {

  static final Path COMPOSE_FILE = Path.of("docker-compose.yml");
  static final Path DOCKERFILE = Path.of("Dockerfile");
  static final Path CONFIG_DIRECTORY = Path.of("src/main/resources");
  static final List<String> APP_NODES = List.of("app1", "app2");
  static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(PRIVACY_[A-Z0-9_]+)");
  /** A value that compose takes from the operator's environment (and refuses to start without). */
  static final Pattern REQUIRED_FROM_OPERATOR = Pattern.compile("\\$\\{[A-Z0-9_]+:\\?.+}");

  static Map<String, Object> services;

  @BeforeAll
  static void readComposeFile() throws IOException {
    try (Reader reader = Files.newBufferedReader(COMPOSE_FILE)) {
      Map<String, Object> compose = new Yaml().load(reader);
      services = map(compose.get("services"));
    }
  }

  @Test
  void definesPostgresMailpitAndTwoApplicationNodes() {
    assertThat(services).containsKeys("postgres", "mailpit", "app1", "app2");
    assertThat(map(services.get("postgres")).get("image")).isEqualTo("postgres:15");
    assertThat((String) map(services.get("mailpit")).get("image")).startsWith("axllent/mailpit");
  }

  @Test
  void buildsTheNodesFromTheDockerfileOnAJava17Runtime() throws IOException {
    for (String node : APP_NODES) {
      assertThat(map(services.get(node)).get("build")).as(node + " build context").isEqualTo(".");
    }
    String dockerfile = Files.readString(DOCKERFILE);
    assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:17-jre\\b");
    assertThat(dockerfile).containsPattern("(?m)^COPY target/\\*\\.jar ");
  }

  @Test
  void runsBothNodesWithTheProdAndPostgresProfiles() {
    for (String node : APP_NODES) {
      assertThat(activeProfiles(node)).as(node + " profiles").contains("prod", "postgres");
    }
  }

  @Test
  void bothNodesUseTheComposeDatabase() {
    Map<String, String> postgres = environment("postgres");
    Set<String> urls = new TreeSet<>();
    for (String node : APP_NODES) {
      Map<String, String> env = environment(node);
      assertThat(env).as(node).containsKey("PRIVACY_DB_URL");
      urls.add(env.get("PRIVACY_DB_URL"));
      assertThat(env.get("PRIVACY_DB_USER")).as(node).isEqualTo(postgres.get("POSTGRES_USER"));
      assertThat(env.get("PRIVACY_DB_PASSWORD")).as(node).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
    }
    assertThat(urls).as("database URLs of the nodes").hasSize(1);
    URI url = URI.create(urls.iterator().next().substring("jdbc:".length()));
    assertThat(url.getHost()).isEqualTo("postgres");
    assertThat(url.getPath()).isEqualTo("/" + postgres.get("POSTGRES_DB"));
  }

  @Test
  void sendsMailToMailpit() {
    for (String node : APP_NODES) {
      assertThat(environment(node)).as(node)
          .containsEntry("PRIVACY_SMTP_HOST", "mailpit")
          .containsEntry("PRIVACY_SMTP_PORT", "1025");
    }
  }

  @Test
  void givesEachNodeItsOwnNodeId() {
    Set<String> nodeIds = new TreeSet<>();
    for (String node : APP_NODES) {
      nodeIds.add(environment(node).get("PRIVACY_NODE_ID"));
    }
    assertThat(nodeIds).doesNotContainNull().hasSize(APP_NODES.size());
  }

  @Test
  void setsOnlyPrivacyVariablesTheApplicationReads() throws IOException {
    Set<String> read = placeholdersIn(applicationConfigFiles());
    for (String service : services.keySet()) {
      Set<String> set = new TreeSet<>(environment(service).keySet());
      set.removeIf(name -> !name.startsWith("PRIVACY_"));
      assertThat(read).as("PRIVACY_* variables read by application*.yml, vs those set on " + service)
          .containsAll(set);
    }
  }

  @Test
  void setsEverythingTheActiveProfilesNeed() throws IOException {
    for (String node : APP_NODES) {
      Set<String> needed = new TreeSet<>(Set.of("PRIVACY_NODE_ID"));
      for (String profile : activeProfiles(node)) {
        needed.addAll(placeholdersIn(List.of(CONFIG_DIRECTORY.resolve("application-" + profile + ".yml"))));
      }
      if (activeProfiles(node).contains("prod")) {
        // ProductionSafetyCheck refuses to start prod with the default admin password or encryption key.
        needed.addAll(Set.of("PRIVACY_ADMIN_PASSWORD", "PRIVACY_ENCRYPTION_KEY"));
      }
      assertThat(environment(node).keySet()).as(node).containsAll(needed);
    }
  }

  @Test
  void takesSecretsFromTheOperatorInsteadOfTheRepository() {
    for (String node : APP_NODES) {
      Map<String, String> env = environment(node);
      assertThat(env.get("PRIVACY_ADMIN_PASSWORD")).as(node).matches(REQUIRED_FROM_OPERATOR);
      assertThat(env.get("PRIVACY_ENCRYPTION_KEY")).as(node).matches(REQUIRED_FROM_OPERATOR);
    }
  }

  @Test
  void startsTheSecondNodeOnceTheFirstIsHealthy() {
    Map<String, Object> dependsOn = map(map(services.get("app2")).get("depends_on"));
    assertThat(map(dependsOn.get("app1"))).containsEntry("condition", "service_healthy");
  }

  private static List<String> activeProfiles(String service) {
    String profiles = environment(service).getOrDefault("SPRING_PROFILES_ACTIVE", "");
    return Stream.of(profiles.split(",")).map(String::trim).filter(profile -> !profile.isEmpty()).toList();
  }

  /** A service's environment, written either as a map or as a list of NAME=value. */
  private static Map<String, String> environment(String service) {
    Object environment = map(services.get(service)).get("environment");
    Map<String, String> result = new LinkedHashMap<>();
    if (environment instanceof Map<?, ?> entries) {
      entries.forEach((name, value) -> result.put(String.valueOf(name), value == null ? null : String.valueOf(value)));
    } else if (environment instanceof List<?> entries) {
      for (Object entry : entries) {
        String[] nameAndValue = String.valueOf(entry).split("=", 2);
        result.put(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : null);
      }
    }
    return result;
  }

  private static List<Path> applicationConfigFiles() throws IOException {
    try (Stream<Path> files = Files.list(CONFIG_DIRECTORY)) {
      return files.filter(file -> file.getFileName().toString().matches("application.*\\.ya?ml")).toList();
    }
  }

  private static Set<String> placeholdersIn(List<Path> files) throws IOException {
    Set<String> names = new TreeSet<>();
    for (Path file : files) {
      Matcher matcher = PLACEHOLDER.matcher(Files.readString(file));
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
    }
    return names;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }
}
