package nl.ymere.privacy.security;

import java.util.concurrent.atomic.AtomicInteger;
import nl.ymere.privacy.process.ProductCalls;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Complete listener of the retry probe process in {@link EngineDoorTest}: the first time a task completes, another
 * thread changes the same process instance and commits (what a timer firing at that moment does), so the completing
 * command fails at its commit with an optimistic locking conflict. The thread is joined, so the order is fixed.
 */
public class ConcurrentChangeProbe implements TaskListener {

  static final AtomicInteger CALLS = new AtomicInteger();
  static volatile RuntimeService runtimeService;

  @Override
  public void notify(DelegateTask task) {
    if (CALLS.getAndIncrement() > 0) {
      return;
    }
    String instance = task.getProcessInstanceId();
    Thread timer = new Thread(() -> ProductCalls.run(() -> {
      runtimeService.suspendProcessInstanceById(instance);
      runtimeService.activateProcessInstanceById(instance);
    }));
    timer.start();
    try {
      timer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
