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

  /** The value, or null when the variable is absent. */
  public T from(VariableScope scope) {
    Object value = scope.getVariable(name);
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
