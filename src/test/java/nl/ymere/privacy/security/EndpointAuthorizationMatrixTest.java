package nl.ymere.privacy.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import nl.ymere.privacy.support.IntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what (DESIGN principle 5, SEC-1; issue 14 "the authorization matrix covers every /api endpoint and the
 * engine calls, for every demo group"). The endpoints are read from Spring's handler mappings, so a new endpoint under
 * {@code /api}, {@code /admin} or {@code /werkbank} without a row in {@link #ALLOWED} fails
 * {@link #everyStaffEndpointHasARow()}. Each endpoint is called by every demo user (one per group, and the admin) and
 * anonymously, with placeholder ids and an empty JSON body: a user outside the allowed groups gets 403, a user inside
 * gets past authorization (no 401/403) and never a 500; an anonymous caller gets 401 on the API and the login page
 * elsewhere.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointAuthorizationMatrixTest {

  /** One demo user per group; {@code demo} is the admin (and in the desk and officers groups). */
  static final List<String> USERS = List.of("demo", "desk", "officer", "fg", "assessor1", "facility", "procurement",
      "manager", "nuisance", "adaptation");

  private static final Set<String> EVERYONE = Set.copyOf(USERS);
  private static final Set<String> ADMIN = Set.of("demo");
  private static final Set<String> DESK_AND_OFFICERS = Set.of("demo", "desk", "officer");
  private static final Set<String> RECTIFICATION_TEAMS = Set.of("demo", "desk", "officer", "nuisance", "adaptation");
  private static final Set<String> AGREEMENT_WRITERS = Set.of("demo", "officer", "procurement");
  private static final Set<String> AGREEMENT_READERS = Set.of("demo", "officer", "procurement", "fg", "manager");
  private static final Set<String> CAMERA_REQUESTERS = Set.of("facility");
  private static final Set<String> CAMERA_READERS = Set.of("demo", "officer", "facility", "fg", "manager");
  private static final Set<String> FRAUD = Set.of("demo", "officer", "assessor1");
  private static final Set<String> OFFICERS = Set.of("demo", "officer");
  /**
   * A screen's form post: only from the product's own page (session and CSRF token), so no Basic client may post it
   * (403 for everyone here); who may decide is tested with a session in the screens' own tests
   * (AccessReviewScreensTest, ErasureProposalScreenTest, PortabilityReviewScreenTest).
   */
  private static final Set<String> SCREEN_FORM = Set.of();

  /** "METHOD pattern" → the demo users who may call it. */
  static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

  static {
    ALLOWED.put("GET /api/deadlines", EVERYONE);
    ALLOWED.put("POST /api/requests", DESK_AND_OFFICERS);
    ALLOWED.put("GET /api/requests/{reference}", DESK_AND_OFFICERS);
    ALLOWED.put("POST /api/requests/{reference}/extension", DESK_AND_OFFICERS);
    ALLOWED.put("POST /api/requests/{reference}/extension/decision", DESK_AND_OFFICERS);
    ALLOWED.put("GET /api/requests/{reference}/documents/{id}", DESK_AND_OFFICERS);
    ALLOWED.put("GET /api/requests/{reference}/portability-export", DESK_AND_OFFICERS);
    ALLOWED.put("POST /api/requests/{reference}/unfounded-proposal", DESK_AND_OFFICERS);
    ALLOWED.put("GET /api/requests/{reference}/unfounded-proposal", DESK_AND_OFFICERS);
    ALLOWED.put("POST /api/requests/{reference}/fee-response", DESK_AND_OFFICERS);
    ALLOWED.put("GET /api/requests/{reference}/restriction", DESK_AND_OFFICERS);
    ALLOWED.put("GET /api/requests/{reference}/restriction/refusals", DESK_AND_OFFICERS);
    // RES-3: lifting a block is for privacy officers only
    ALLOWED.put("POST /api/requests/{reference}/restriction/lift", OFFICERS);
    ALLOWED.put("GET /api/requests/access-exemption-reviews", DESK_AND_OFFICERS);
    ALLOWED.put("GET /api/requests/{reference}/access-review", DESK_AND_OFFICERS);
    ALLOWED.put("PUT /api/requests/{reference}/access-review/items/{system}/{itemId}", DESK_AND_OFFICERS);
    ALLOWED.put("GET /api/requests/{reference}/access-dossier", DESK_AND_OFFICERS);
    ALLOWED.put("GET /api/requests/{reference}/rectification", RECTIFICATION_TEAMS);
    ALLOWED.put("POST /api/requests/{reference}/rectification/changes", RECTIFICATION_TEAMS);
    ALLOWED.put("POST /api/requests/{reference}/rectification/changes/{id}/refusal", RECTIFICATION_TEAMS);
    ALLOWED.put("GET /api/identity/{reference}/copy", DESK_AND_OFFICERS);
    ALLOWED.put("POST /api/processor-agreements", AGREEMENT_WRITERS);
    ALLOWED.put("GET /api/processor-agreements/{reference}", AGREEMENT_READERS);
    ALLOWED.put("GET /api/parties", AGREEMENT_READERS);
    ALLOWED.put("POST /api/sharing-checks", EVERYONE);
    ALLOWED.put("GET /api/cameras", CAMERA_READERS);
    ALLOWED.put("GET /api/cameras/{reference}", CAMERA_READERS);
    ALLOWED.put("POST /api/cameras", CAMERA_REQUESTERS);
    ALLOWED.put("POST /api/fraud-signals", FRAUD);
    ALLOWED.put("GET /api/fraud-signals/{reference}", FRAUD);
    ALLOWED.put("GET /api/fraud-signals/{reference}/explanation", FRAUD);
    ALLOWED.put("GET /api/fraud-signals/{reference}/reads", FRAUD);
    ALLOWED.put("GET /api/fraud-oversight", OFFICERS);
    // data breaches (issue 18): every employee reports; the register for the privacy officers and the FG
    ALLOWED.put("POST /api/breaches", EVERYONE);
    ALLOWED.put("GET /api/breaches", Set.of("demo", "officer", "fg"));
    ALLOWED.put("GET /api/breaches/{reference}", Set.of("demo", "officer", "fg"));
    ALLOWED.put("GET /api/breaches/export.csv", Set.of("demo", "officer", "fg"));
    ALLOWED.put("POST /api/parties/{id}/breach-reports", AGREEMENT_WRITERS);
    ALLOWED.put("POST /api/breaches/{reference}/persons", OFFICERS);
    ALLOWED.put("POST /api/breaches/{reference}/persons/from-source", OFFICERS);
    ALLOWED.put("POST /api/legal-holds", OFFICERS);
    ALLOWED.put("GET /api/legal-holds", Set.of("demo", "officer", "fg"));
    ALLOWED.put("GET /api/legal-holds/{id}", Set.of("demo", "officer", "fg"));
    ALLOWED.put("POST /api/legal-holds/{id}/release", OFFICERS);
    ALLOWED.put("POST /api/legal-holds/{id}/review", OFFICERS);
    // privacy complaints (issue 19, CMP-1): desk and officers register, the FG also reads; a facility user gets 403
    ALLOWED.put("POST /api/complaints", DESK_AND_OFFICERS);
    ALLOWED.put("GET /api/complaints", Set.of("demo", "desk", "officer", "fg"));
    ALLOWED.put("GET /api/complaints/{reference}", Set.of("demo", "desk", "officer", "fg"));
    ALLOWED.put("GET /api/complaints/export.csv", Set.of("demo", "desk", "officer", "fg"));
    // compelled disclosures (issue 19, PRC-7): only privacy officers and the FG read them
    ALLOWED.put("POST /api/disclosure-demands", OFFICERS);
    ALLOWED.put("GET /api/disclosure-demands/{reference}", Set.of("demo", "officer", "fg"));
    ALLOWED.put("GET /api/disclosures", Set.of("demo", "officer", "fg"));
    ALLOWED.put("GET /api/disclosures/export.csv", Set.of("demo", "officer", "fg"));
    // AP inquiries (issue 19 item 2, CMP-4): privacy officers register; officers and the FG read (facility: 403)
    ALLOWED.put("POST /api/ap-inquiries", OFFICERS);
    ALLOWED.put("GET /api/ap-inquiries", Set.of("demo", "officer", "fg"));
    ALLOWED.put("GET /api/ap-inquiries/{reference}", Set.of("demo", "officer", "fg"));
    ALLOWED.put("GET /api/ap-inquiries/export.csv", Set.of("demo", "officer", "fg"));
    // consent register (issue 20): desk and officers
    ALLOWED.put("POST /api/consents", DESK_AND_OFFICERS);
    ALLOWED.put("GET /api/consents/{reference}", DESK_AND_OFFICERS);
    ALLOWED.put("POST /api/consents/{reference}/withdrawal", DESK_AND_OFFICERS);
    ALLOWED.put("POST /api/requests/{reference}/consent-withdrawal", DESK_AND_OFFICERS);
    ALLOWED.put("GET /werkbank/verzoeken/{reference}/toestemmingen", DESK_AND_OFFICERS);
    ALLOWED.put("POST /werkbank/verzoeken/{reference}/toestemmingen", SCREEN_FORM);
    // register of processing activities (Art 30, ROP-1): privacy officers and the FG
    ALLOWED.put("GET /api/register", Set.of("demo", "officer", "fg"));
    ALLOWED.put("GET /api/register/pdf", Set.of("demo", "officer", "fg"));
    ALLOWED.put("POST /api/register/changes", OFFICERS);
    ALLOWED.put("POST /api/register/changes/{id}/approval", OFFICERS);
    // ROP-4 (issue 20): new purposes, compatibility tests and privacy statement versions; the FG reads
    ALLOWED.put("POST /api/register/purposes", OFFICERS);
    ALLOWED.put("POST /api/register/purposes/{code}/compatibility-test", OFFICERS);
    ALLOWED.put("GET /api/register/statement-versions", Set.of("demo", "officer", "fg"));
    ALLOWED.put("POST /api/register/statement-versions", OFFICERS);
    ALLOWED.put("POST /api/register/statement-versions/{id}/approval", OFFICERS);
    ALLOWED.put("GET /admin/outbox", ADMIN);
    ALLOWED.put("GET /admin/outbox/{id}", ADMIN);
    ALLOWED.put("GET /admin/outbox/{id}/body", ADMIN);
    ALLOWED.put("POST /admin/outbox/{id}/requeue", ADMIN);
    ALLOWED.put("POST /admin/outbox/{id}/mark-sent", ADMIN);
    ALLOWED.put("POST /admin/outbox/{id}/mark-printed", ADMIN);
    ALLOWED.put("GET /admin/mailbox", ADMIN);
    ALLOWED.put("GET /admin/mailbox/{index}", ADMIN);
    // Tasklist's start notice (issue 16): every Tasklist user; which case is the engine's authorization (404)
    ALLOWED.put("GET /api/cases/{reference}", EVERYONE);
    ALLOWED.put("GET /werkbank", DESK_AND_OFFICERS);
    ALLOWED.put("GET /werkbank/export.csv", DESK_AND_OFFICERS);
    ALLOWED.put("GET /werkbank/verzoeken/{reference}", DESK_AND_OFFICERS);
    // issue 16 item 3: the lists of complaints and breaches for the groups of /api/complaints and /api/breaches
    ALLOWED.put("GET /werkbank/klachten", Set.of("demo", "desk", "officer", "fg"));
    ALLOWED.put("GET /werkbank/klachten/export.csv", Set.of("demo", "desk", "officer", "fg"));
    ALLOWED.put("GET /werkbank/klachten/{reference}", Set.of("demo", "desk", "officer", "fg"));
    ALLOWED.put("GET /werkbank/datalekken", Set.of("demo", "officer", "fg"));
    ALLOWED.put("GET /werkbank/datalekken/export.csv", Set.of("demo", "officer", "fg"));
    ALLOWED.put("GET /werkbank/datalekken/{reference}", Set.of("demo", "officer", "fg"));
    // a task's case: every user; whether they may see that task is the engine's task authorization (404 otherwise)
    ALLOWED.put("GET /werkbank/taken/{taskId}", EVERYONE);
    // review screens (issue 16 item 2): whoever may see the task; the screen tests check them with a session
    ALLOWED.put("GET /werkbank/taken/{taskId}/inzage-beoordeling", EVERYONE);
    ALLOWED.put("GET /werkbank/taken/{taskId}/uitzonderingen", EVERYONE);
    ALLOWED.put("GET /werkbank/taken/{taskId}/wislijst", EVERYONE);
    ALLOWED.put("GET /werkbank/taken/{taskId}/export-controle", EVERYONE);
    ALLOWED.put("GET /werkbank/taken/{taskId}/export-controle/bestand", EVERYONE);
    ALLOWED.put("GET /werkbank/verzoeken/{reference}/inzage-beoordeling", DESK_AND_OFFICERS);
    ALLOWED.put("POST /werkbank/taken/{taskId}/inzage-beoordeling/items/{system}/{itemId}", SCREEN_FORM);
    ALLOWED.put("POST /werkbank/taken/{taskId}/inzage-beoordeling/afronden", SCREEN_FORM);
    ALLOWED.put("POST /werkbank/taken/{taskId}/uitzonderingen", SCREEN_FORM);
    ALLOWED.put("POST /werkbank/taken/{taskId}/wislijst", SCREEN_FORM);
    ALLOWED.put("POST /werkbank/taken/{taskId}/wislijst/zoeken", SCREEN_FORM);
    ALLOWED.put("POST /werkbank/taken/{taskId}/export-controle", SCREEN_FORM);
    ALLOWED.put("POST /werkbank/verzoeken/{reference}/inzage-beoordeling/items/{system}/{itemId}", SCREEN_FORM);
    // issue 16 item 2: the rectification and restriction choice screens (screens branch)
    ALLOWED.put("GET /werkbank/taken/{taskId}/wijzigingen", EVERYONE);
    ALLOWED.put("POST /werkbank/taken/{taskId}/wijzigingen/zoeken", SCREEN_FORM);
    ALLOWED.put("POST /werkbank/taken/{taskId}/wijzigingen/items/{system}/{itemId}", SCREEN_FORM);
    ALLOWED.put("POST /werkbank/taken/{taskId}/wijzigingen/afronden", SCREEN_FORM);
    ALLOWED.put("GET /werkbank/taken/{taskId}/wijzigingen-beoordelen", EVERYONE);
    ALLOWED.put("POST /werkbank/taken/{taskId}/wijzigingen-beoordelen/wijzigingen/{id}/weigeren", SCREEN_FORM);
    ALLOWED.put("POST /werkbank/taken/{taskId}/wijzigingen-beoordelen/afronden", SCREEN_FORM);
    ALLOWED.put("GET /werkbank/taken/{taskId}/beperking", EVERYONE);
    ALLOWED.put("POST /werkbank/taken/{taskId}/beperking", SCREEN_FORM);
    ALLOWED.put("POST /werkbank/taken/{taskId}/beperking/zoeken", SCREEN_FORM);
    // issue 16 item 2: a restricted team's part of an access review (its Tasklist subtask's screen)
    // the "confirm refusal" screens (issue 16, LET-3): whoever may see the task; the form post only from the page
    ALLOWED.put("GET /werkbank/taken/{taskId}/correctie-weigering", EVERYONE);
    ALLOWED.put("POST /werkbank/taken/{taskId}/correctie-weigering", SCREEN_FORM);
    ALLOWED.put("GET /werkbank/taken/{taskId}/beperking-weigering", EVERYONE);
    ALLOWED.put("POST /werkbank/taken/{taskId}/beperking-weigering", SCREEN_FORM);
    ALLOWED.put("GET /werkbank/taken/{taskId}/bijzondere-gegevens", EVERYONE);
    ALLOWED.put("POST /werkbank/taken/{taskId}/bijzondere-gegevens/items/{system}/{itemId}", SCREEN_FORM);
    ALLOWED.put("POST /werkbank/taken/{taskId}/bijzondere-gegevens/afronden", SCREEN_FORM);
    // retention schedule and sweep (issue 17)
    ALLOWED.put("GET /api/retention-schedule", Set.of("demo", "officer", "fg"));
    ALLOWED.put("GET /api/retention-schedule/{id}", Set.of("demo", "officer", "fg"));
    ALLOWED.put("POST /api/retention-schedule", OFFICERS);
    ALLOWED.put("POST /api/retention-schedule/{id}/approve", OFFICERS);
    ALLOWED.put("GET /werkbank/bewaartermijnen", DESK_AND_OFFICERS);
    ALLOWED.put("POST /api/retention-sweeps", OFFICERS);
    // the owner group's review screen of a destruction list (issue 17 item 2)
    ALLOWED.put("GET /werkbank/taken/{taskId}/bewaarlijst", EVERYONE);
    ALLOWED.put("POST /werkbank/taken/{taskId}/bewaarlijst/regels/{id}/tegenhouden", SCREEN_FORM);
    ALLOWED.put("POST /werkbank/taken/{taskId}/bewaarlijst/afronden", SCREEN_FORM);
    // retention report (issue 17 item 6)
    ALLOWED.put("GET /api/retention/report", Set.of("demo", "officer", "fg"));
    ALLOWED.put("GET /api/retention/report.csv", Set.of("demo", "officer", "fg"));
    ALLOWED.put("GET /werkbank/bewaarrapport", Set.of("demo", "officer", "fg"));
    ALLOWED.put("GET /api/retention-sweeps/{reference}",
        Set.of("demo", "desk", "officer", "fg", "facility", "nuisance", "adaptation"));
    ALLOWED.put("GET /api/retention-sweeps/{reference}/certificate",
        Set.of("demo", "desk", "officer", "fg", "facility", "nuisance", "adaptation"));
    ALLOWED.put("POST /api/retention-sweeps/{reference}/items/{id}/keep-back",
        Set.of("demo", "desk", "officer", "facility", "nuisance", "adaptation"));
  }

  @Autowired TestRestTemplate rest;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  @Autowired RepositoryService repositoryService;

  /** The staff endpoints the application serves, as "METHOD pattern". */
  List<String> staffEndpoints() {
    Set<String> endpoints = new TreeSet<>();
    mappings.getHandlerMethods().keySet().forEach(info -> {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (pattern.startsWith("/api/") || pattern.startsWith("/admin/") || pattern.startsWith("/werkbank")) {
          (methods.isEmpty() ? Set.of(RequestMethod.GET) : methods)
              .forEach(method -> endpoints.add(method.name() + " " + pattern));
        }
      }
    });
    return new ArrayList<>(endpoints);
  }

  @Test
  void everyStaffEndpointHasARow() {
    assertThat(staffEndpoints()).as("endpoints without a row in ALLOWED").isSubsetOf(ALLOWED.keySet());
    assertThat(ALLOWED.keySet()).as("rows for endpoints that no longer exist").isSubsetOf(staffEndpoints());
  }

  Stream<Arguments> calls() {
    List<Arguments> calls = new ArrayList<>();
    for (Map.Entry<String, Set<String>> row : ALLOWED.entrySet()) {
      calls.add(Arguments.of(row.getKey(), null));
      USERS.forEach(user -> calls.add(Arguments.of(row.getKey(), user)));
    }
    return calls.stream();
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("calls")
  void answersAsTheMatrixSays(String endpoint, String user) {
    String method = endpoint.substring(0, endpoint.indexOf(' '));
    String path = placeholdersFilled(endpoint.substring(endpoint.indexOf(' ') + 1));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String body = method.equals("GET") ? null : "{}";
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, user);
    var answer = client.exchange(path, HttpMethod.valueOf(method), new HttpEntity<>(body, headers), String.class);
    int status = answer.getStatusCode().value();

    if (user == null && !path.startsWith("/api/") && status == 200) {
      // a browser page: the client followed the redirect to the login page
      assertThat(answer.getBody()).as("anonymous " + endpoint).contains("name=\"password\"");
    } else if (user == null) {
      // a page's form post without a session is refused by the CSRF check (403) before the login is asked for
      assertThat(status).as("anonymous " + endpoint).isIn(path.startsWith("/api/") ? List.of(401)
          : isScreenForm(endpoint) ? List.of(302, 401, 403) : List.of(302, 401));
    } else if (ALLOWED.get(endpoint).contains(user)) {
      assertThat(status).as(user + " may call " + endpoint).isNotIn(401, 403).isLessThan(500);
    } else {
      assertThat(status).as(user + " may not call " + endpoint).isEqualTo(403);
    }
  }

  /**
   * The engine calls of issue 14 finding 1 for every demo user: starting a product process anywhere but its start
   * event is refused whoever asks (403, or 404 when the user may not even read the definition).
   */
  @Test
  void noDemoUserStartsAProductProcessAtAnActivity() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    List<String> keys = repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
        .map(ProcessDefinition::getKey).filter(key -> !key.startsWith("retention-probe")).distinct().toList();
    assertThat(keys).contains("data-subject-request", "camera-protocol", "processor-agreement",
        "fraud-signal-assessment");
    for (String user : USERS) {
      for (String key : keys) {
        String body = "{\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"NoSuchActivity\"}],"
            + "\"variables\":{\"reference\":{\"value\":\"AVG-2026-999999\"}}}";
        int status = rest.withBasicAuth(user, user).exchange("/engine-rest/process-definition/key/" + key + "/start",
            HttpMethod.POST, new HttpEntity<>(body, headers), String.class).getStatusCode().value();
        assertThat(status).as(user + " starts " + key + " at an activity").isIn(403, 404);
      }
    }
  }

  /** A form post of a product screen (session and CSRF token), not an API call. */
  private static boolean isScreenForm(String endpoint) {
    return endpoint.startsWith("POST /werkbank/");
  }

  private static String placeholdersFilled(String pattern) {
    return pattern.replace("{reference}", "AVG-2026-999999").replace("{id}", "999999")
        .replace("{code}", "NO_SUCH_CODE")
        .replace("{system}", "nosystem").replace("{itemId}", "noitem").replace("{taskId}", "no-such-task")
        .replace("{index}", "999").replace("{token}", "no-such-token");
  }
}
