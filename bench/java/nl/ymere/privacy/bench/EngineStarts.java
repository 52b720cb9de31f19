package nl.ymere.privacy.bench;

import java.util.Set;
import nl.ymere.privacy.process.ProductCalls;
import org.camunda.bpm.engine.ProcessEngine;

/** Starts of one process through the engine's Java API, as a baseline: no HTTP, no product tables. */
abstract class EngineStarts {

  protected final ProcessEngine engine;
  private final String key;

  EngineStarts(ProcessEngine engine, String key) {
    this.engine = engine;
    this.key = key;
  }

  /** Deploys the process (duplicate filtering: once per database). */
  abstract void deploy();

  /** Business keys of the started instances that wait where the start should leave them. */
  abstract Set<String> waitingAtTask();

  Load.Sample start(String phase, int number) {
    String businessKey = key + "-" + phase + "-" + number;
    long before = System.nanoTime();
    // a start with a business key is one the product makes (its registration does the same), not an outside caller's
    // (DESIGN principle 9, security.EngineDoor)
    ProductCalls.run(() -> engine.getRuntimeService().startProcessInstanceByKey(key, businessKey));
    return new Load.Sample(number, businessKey, System.nanoTime() - before, null);
  }
}
