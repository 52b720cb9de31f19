package nl.ymere.privacy.retention;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When {@code retention-sweep.bpmn} starts by itself ({@code privacy.retention.sweep-cycle}, a Camunda cron; default
 * the first of every month at 02:00 in the engine's time zone, Europe/Amsterdam in production). The timer start
 * event reads it when the diagram is deployed: a change takes effect with the next deployment.
 */
@Component
public class RetentionSweepSchedule {

  private final String cycle;

  RetentionSweepSchedule(@Value("${privacy.retention.sweep-cycle:0 0 2 1 * ?}") String cycle) {
    this.cycle = cycle;
  }

  public String cycle() {
    return cycle;
  }
}
