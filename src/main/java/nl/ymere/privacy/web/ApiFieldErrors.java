package nl.ymere.privacy.web;

import java.util.ArrayList;
import java.util.List;

/** Collects field problems so one 400 answer names all of them, then {@link #throwIfAny()}. */
public final class ApiFieldErrors {

  private final List<ApiFieldError> errors = new ArrayList<>();

  public ApiFieldErrors add(String field, String message) {
    errors.add(new ApiFieldError(field, message));
    return this;
  }

  public boolean has(String field) {
    return errors.stream().anyMatch(error -> field.equals(error.field()));
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  public List<ApiFieldError> list() {
    return List.copyOf(errors);
  }

  /** Throws an {@link ApiValidationException} with every collected problem, if there is any. */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ApiValidationException(errors);
    }
  }
}
