package nl.ymere.privacy.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link OutboxDispatcher} on every node every {@code privacy.mail.dispatch-interval} (fixed delay), on
 * the scheduler thread, outside any engine command. Off with {@code privacy.mail.dispatcher-enabled=false} (tests
 * call {@link OutboxDispatcher#dispatchDue()} themselves).
 */
@Component
@ConditionalOnProperty(name = "privacy.mail.dispatcher-enabled", havingValue = "true", matchIfMissing = true)
class OutboxDispatchSchedule {

  private static final Logger log = LoggerFactory.getLogger(OutboxDispatchSchedule.class);

  private final OutboxDispatcher dispatcher;

  OutboxDispatchSchedule(OutboxDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Scheduled(fixedDelayString = "${privacy.mail.dispatch-interval:PT5S}",
      initialDelayString = "${privacy.mail.dispatch-interval:PT5S}")
  void dispatchDue() {
    try {
      int sent = dispatcher.dispatchDue();
      if (sent > 0) {
        log.debug("Outbox: {} message(s) sent by node {}", sent, dispatcher.nodeId());
      }
    } catch (RuntimeException e) {
      log.warn("Outbox dispatch failed on node {}: {}", dispatcher.nodeId(), SafeErrors.describe(e));
    }
  }
}
