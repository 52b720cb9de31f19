package nl.ymere.privacy.process;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls that are the system's consequence of an action the user was already authorised for (moving
 * timers after an extension, correlating a message after an upload) without the user's engine authorizations, then
 * restores them. Use only after the product has checked the user's right to the action itself. They are product
 * calls ({@link ProductCalls}): the engine door lets them through.
 */
@Component
public class SystemActions {

  private final IdentityService identityService;

  SystemActions(IdentityService identityService) {
    this.identityService = identityService;
  }

  public <T> T call(Supplier<T> action) {
    Authentication current = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return ProductCalls.call(action);
    } finally {
      if (current != null) {
        identityService.setAuthentication(current);
      }
    }
  }

  public void run(Runnable action) {
    call(() -> {
      action.run();
      return null;
    });
  }
}
