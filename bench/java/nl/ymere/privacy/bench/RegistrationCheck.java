package nl.ymere.privacy.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * After a run: which registrations really happened. A request counts only when its row, its REGISTERED event, its
 * acknowledgement document and its {@code request-acknowledgement} outbox row are committed, its
 * {@code data-subject-request} instance is the one on the row, and the called {@code identity-verification}
 * instance waits at its first user task.
 */
final class RegistrationCheck {

  static final String FIRST_TASK = "UserTask_ChooseIdentityMethod";

  private final JdbcTemplate jdbc;
  private final ProcessEngine engine;

  RegistrationCheck(JdbcTemplate jdbc, ProcessEngine engine) {
    this.jdbc = jdbc;
    this.engine = engine;
  }

  record Outcome(Set<String> counted, Map<String, String> problems, int rowsWithBenchNames) {
  }

  /** @param registered reference → requester name, of every request answered with 201 */
  Outcome check(Map<String, String> registered, String namePrefix) {
    Map<String, String> rowNames = new HashMap<>();
    Map<String, String> rowInstances = new HashMap<>();
    jdbc.query("SELECT reference, requester_name, process_instance_id FROM privacy.dsr_request "
        + "WHERE requester_name LIKE ?", rs -> {
          rowNames.put(rs.getString(1), rs.getString(2));
          rowInstances.put(rs.getString(1), rs.getString(3));
        }, namePrefix + "%");
    Set<String> withEvent = references("SELECT r.reference FROM privacy.dsr_request r JOIN privacy.dsr_event e "
        + "ON e.request_id = r.id WHERE e.type = 'REGISTERED' AND r.requester_name LIKE ?", namePrefix);
    Set<String> withDocument = references("SELECT r.reference FROM privacy.dsr_request r JOIN privacy.dsr_document d "
        + "ON d.request_id = r.id WHERE d.type = 'ACKNOWLEDGEMENT' AND r.requester_name LIKE ?", namePrefix);
    Set<String> withOutbox = references("SELECT o.reference FROM privacy.outbox_message o JOIN privacy.dsr_request r "
        + "ON r.reference = o.reference WHERE o.template = 'request-acknowledgement' AND r.requester_name LIKE ?",
        namePrefix);
    Map<String, String> requestInstances = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("data-subject-request").list().stream()
        .collect(Collectors.toMap(ProcessInstance::getBusinessKey, ProcessInstance::getId, (a, b) -> a + "," + b));
    Set<String> verificationInstancesAtFirstTask = engine.getTaskService().createTaskQuery()
        .processDefinitionKey("identity-verification").taskDefinitionKey(FIRST_TASK).list().stream()
        .map(t -> t.getProcessInstanceId()).collect(Collectors.toSet());
    Set<String> waiting = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("identity-verification").list().stream()
        .filter(p -> verificationInstancesAtFirstTask.contains(p.getId()))
        .map(ProcessInstance::getBusinessKey).collect(Collectors.toSet());

    Set<String> counted = new HashSet<>();
    Map<String, String> problems = new HashMap<>();
    registered.forEach((reference, name) -> {
      String problem = !name.equals(rowNames.get(reference)) ? "no committed request row with its name"
          : !withEvent.contains(reference) ? "no REGISTERED event"
          : !withDocument.contains(reference) ? "no acknowledgement document"
          : !withOutbox.contains(reference) ? "no request-acknowledgement outbox row"
          : requestInstances.get(reference) == null ? "no running data-subject-request instance"
          : !requestInstances.get(reference).equals(rowInstances.get(reference)) ? "row names another instance"
          : !waiting.contains(reference) ? "identity-verification not waiting at " + FIRST_TASK
          : null;
      if (problem == null) {
        counted.add(reference);
      } else {
        problems.put(reference, problem);
      }
    });
    return new Outcome(counted, problems, rowNames.size());
  }

  private Set<String> references(String sql, String namePrefix) {
    List<String> found = jdbc.queryForList(sql, String.class, namePrefix + "%");
    return new HashSet<>(found);
  }
}
