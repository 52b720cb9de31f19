package nl.ymere.privacy.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * The fields of a deployed Camunda Form (the {@code key} of each component, nested ones included): what a start or a
 * completion from outside may set ({@link EngineDoor}). Read from the engine as deployed, so an edited form from the
 * Modeler counts as soon as it is deployed. Lookups run without the caller's authorizations: they decide nothing
 * but which names the caller may send.
 */
final class FormFields {

  /** A form's id and field keys. */
  record Form(String id, Set<String> fields) {
    static final Form NONE = new Form(null, Set.of());
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FormService forms;
  private final RepositoryService repository;
  private final IdentityService identity;

  FormFields(FormService forms, RepositoryService repository, IdentityService identity) {
    this.forms = forms;
    this.repository = repository;
    this.identity = identity;
  }

  /** The start form of the definition (by key: the latest version), or null when the process has none. */
  Form startForm(String key, String definitionId) {
    return withoutAuthentication(() -> {
      String id = definitionId;
      if (id == null) {
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(key)
            .latestVersion().withoutTenantId().singleResult();
        if (latest == null) {
          return null;
        }
        id = latest.getId();
      }
      FormData data = forms.getStartFormData(id);
      if (data == null || data.getCamundaFormRef() == null) {
        return null;
      }
      return parse(forms.getDeployedStartForm(id));
    });
  }

  /** The form of the task, or null when it has none. */
  Form taskForm(String taskId) {
    return withoutAuthentication(() -> {
      FormData data = forms.getTaskFormData(taskId);
      if (data == null || data.getCamundaFormRef() == null) {
        return null;
      }
      return parse(forms.getDeployedTaskForm(taskId));
    });
  }

  static Form parse(InputStream json) {
    try (InputStream in = json) {
      JsonNode form = JSON.readTree(in);
      Set<String> keys = new TreeSet<>();
      collectKeys(form.path("components"), keys);
      return new Form(form.path("id").asText(null), Set.copyOf(keys));
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable Camunda Form", e);
    }
  }

  private static void collectKeys(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      collectKeys(component.path("components"), keys);
    }
  }

  private <T> T withoutAuthentication(Supplier<T> lookup) {
    Authentication current = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return lookup.get();
    } finally {
      if (current != null) {
        identity.setAuthentication(current);
      }
    }
  }
}
