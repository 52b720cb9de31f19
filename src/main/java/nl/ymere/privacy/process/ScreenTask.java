package nl.ymere.privacy.process;

/**
 * A user task as a product screen works on it: found with the user's own engine authorizations, with the reference
 * of its case (the process instance's business key, a reference only, DESIGN principle 2).
 */
public record ScreenTask(String id, String name, String taskDefinitionKey, String reference, String assignee) {
}
