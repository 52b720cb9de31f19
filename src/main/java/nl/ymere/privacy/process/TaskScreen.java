package nl.ymere.privacy.process;

/**
 * A product screen on which a user task is done (issue 16 item 2, DESIGN principle 10): each capability declares its
 * screens as beans, and the task's case page ({@code workbench}) links to the one of its task, so nobody is asked to
 * call an API. {@code path} holds {@code {taskId}}.
 */
public record TaskScreen(String processKey, String taskDefinitionKey, String label, String path) {

  /**
   * The key a screen of a subtask is registered under: a product-made Tasklist subtask of a process's user task (e.g.
   * a restricted team's part of a review) has no definition key of its own, so the workbench finds its screen by the
   * parent task's key with this suffix.
   */
  public static String subtaskOf(String taskDefinitionKey) {
    return taskDefinitionKey + "/subtaak";
  }

  public boolean serves(String processKey, String taskDefinitionKey) {
    return this.processKey.equals(processKey) && this.taskDefinitionKey.equals(taskDefinitionKey);
  }

  public String pathOf(String taskId) {
    return path.replace("{taskId}", taskId);
  }
}
