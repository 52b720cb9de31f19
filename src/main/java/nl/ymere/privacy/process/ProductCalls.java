package nl.ymere.privacy.process;

import java.util.function.Supplier;

/**
 * Marks engine calls that the product itself makes (DESIGN principle 9). The engine's services are an outside door:
 * {@code /engine-rest}, the webapps' engine API, Tasklist and any Java caller may only start a process at its none
 * start event with the fields of its start form, and complete a task with the fields of its form
 * ({@code security.EngineDoor}). The product's own services do more (start with a reference, move timers after an
 * extension, correlate a message after an upload) after checking the user's right to the action themselves; they
 * run those engine calls inside {@link #call}. Code that the engine runs (delegates, listeners, jobs) is inside an
 * engine command and needs no mark.
 */
public final class ProductCalls {

  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  public static <T> T call(Supplier<T> action) {
    int[] depth = DEPTH.get();
    depth[0]++;
    try {
      return action.get();
    } finally {
      if (--depth[0] == 0) {
        DEPTH.remove();
      }
    }
  }

  public static void run(Runnable action) {
    call(() -> {
      action.run();
      return null;
    });
  }

  /** Whether the current thread is inside {@link #call}. */
  public static boolean active() {
    return DEPTH.get()[0] > 0;
  }

  private ProductCalls() {
  }
}
