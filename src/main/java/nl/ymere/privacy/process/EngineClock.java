package nl.ymere.privacy.process;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The product's clock is the engine's clock, so "today" in product code (extension allowed until the due date,
 * pause dates, letters) and timer due dates agree. Tests move both at once with {@code ClockUtil.setCurrentTime}
 * (the engine's documented test clock) and reset it afterwards.
 */
public final class EngineClock extends Clock {

  private final ZoneId zone;

  public EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new EngineClock(zone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
