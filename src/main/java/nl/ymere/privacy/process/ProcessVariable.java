package nl.ymere.privacy.process;

import java.util.Date;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A typed process variable: name and type in one place, read and written without casts
 * ({@code REFERENCE.from(execution)}, {@code OUTCOME.set(execution, "GRANTED")}). Only references, codes,
 * booleans and dates are ever declared (DESIGN principle 2, SEC-3).
 */
public final class ProcessVariable<T> {

  private final String name;
  private final Class<T> type;

  private ProcessVariable(String name, Class<T> type) {
    this.name = name;
    this.type = type;
  }

  public static ProcessVariable<String> string(String name) {
    return new ProcessVariable<>(name, String.class);
  }

  public static ProcessVariable<Boolean> bool(String name) {
    return new ProcessVariable<>(name, Boolean.class);
  }

  public static ProcessVariable<Date> date(String name) {
    return new ProcessVariable<>(name, Date.class);
  }

  public String name() {
    return name;
  }

  /**
   * The value, or null when the variable is absent. A value of another type (a hand-made form submission: text where
   * the form has a checkbox) refuses the step with a Dutch message naming the field, so Tasklist and the engine API
   * answer 400 instead of 500 with a ClassCastException (issue 15 item 11).
   */
  public T from(VariableScope scope) {
    Object value = scope.getVariable(name);
    if (value != null && !type.isInstance(value)) {
      throw new RefusedStepException("Het veld '" + name + "' heeft een ongeldige waarde: verwacht "
          + (type == Boolean.class ? "ja of nee" : type == Date.class ? "een datum" : "tekst") + ".");
    }
    return value == null ? null : type.cast(value);
  }

  /** The value; fails with the variable's name when it is absent (a modelling error). */
  public T required(VariableScope scope) {
    T value = from(scope);
    if (value == null) {
      throw new IllegalStateException("Process variable '" + name + "' is missing");
    }
    return value;
  }

  public <R> R map(VariableScope scope, Function<T, R> mapper) {
    T value = from(scope);
    return value == null ? null : mapper.apply(value);
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public void remove(VariableScope scope) {
    scope.removeVariable(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
