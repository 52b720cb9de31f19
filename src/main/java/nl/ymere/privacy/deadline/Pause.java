package nl.ymere.privacy.deadline;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A suspension of the deadline (DL-7, DL-8): from the day the question is sent through the day the answer arrives,
 * both inclusive. {@code until} is null while the answer is still awaited (an open pause).
 */
public record Pause(LocalDate from, LocalDate until) {

  public Pause {
    Objects.requireNonNull(from, "from");
    if (until != null && until.isBefore(from)) {
      throw new IllegalArgumentException("A pause cannot end (" + until + ") before it starts (" + from + ")");
    }
  }

  public static Pause closed(LocalDate from, LocalDate until) {
    return new Pause(from, Objects.requireNonNull(until, "until"));
  }

  public static Pause open(LocalDate from) {
    return new Pause(from, null);
  }

  public boolean isOpen() {
    return until == null;
  }
}
