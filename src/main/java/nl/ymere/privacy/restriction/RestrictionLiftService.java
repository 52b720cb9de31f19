package nl.ymere.privacy.restriction;

import java.util.ArrayList;
import java.util.List;
import nl.ymere.privacy.personaldata.DataReader;
import nl.ymere.privacy.personaldata.ItemRef;
import nl.ymere.privacy.process.SystemActions;
import nl.ymere.privacy.request.RequestRecords;
import nl.ymere.privacy.security.Groups;
import nl.ymere.privacy.web.ApiConflictException;
import nl.ymere.privacy.web.ApiFieldError;
import nl.ymere.privacy.web.ApiNotFoundException;
import nl.ymere.privacy.web.ApiValidationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts lifting a processing block (Art 18(3), RES-3): a privacy officer decides the ground has ended; the lift path
 * of {@code dsr-restriction} then tells the person first and lifts only after the configured wait. Bad input changes
 * nothing (DESIGN principle 7).
 */
@Service
public class RestrictionLiftService {

  private final RestrictionService restrictions;
  private final RequestRecords requests;
  private final RuntimeService runtimeService;
  private final SystemActions system;

  RestrictionLiftService(RestrictionService restrictions, RequestRecords requests, RuntimeService runtimeService,
      SystemActions system) {
    this.restrictions = restrictions;
    this.requests = requests;
    this.runtimeService = runtimeService;
    this.system = system;
  }

  /** @return the items whose lift was started */
  @Transactional
  public List<RestrictionItem> start(String reference, List<String> items, DataReader officer) {
    if (!officer.inAnyOf(java.util.Set.of(Groups.PRIVACY_OFFICERS))) {
      throw new AccessDeniedException("Only a privacy officer may lift a processing block (RES-3).");
    }
    requests.findByReference(reference).orElseThrow(() -> new ApiNotFoundException(
        "No request " + reference + "."));
    List<RestrictionItem> onRequest = restrictions.items(reference);
    List<ItemRef> only = new ArrayList<>();
    List<ApiFieldError> errors = new ArrayList<>();
    for (int i = 0; items != null && i < items.size(); i++) {
      String value = items.get(i);
      String[] parts = value == null ? new String[0] : value.strip().split("/", 2);
      if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
        errors.add(new ApiFieldError("items[" + i + "]", "must be 'system/itemId'"));
        continue;
      }
      ItemRef ref = new ItemRef(parts[0], parts[1]);
      if (onRequest.stream().noneMatch(item -> item.ref().equals(ref))) {
        errors.add(new ApiFieldError("items[" + i + "]", "is not restricted by request " + reference));
      } else {
        only.add(ref);
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiValidationException(errors);
    }
    List<RestrictionItem> chosen = restrictions.requestLift(reference, only, officer.userId());
    if (chosen.isEmpty()) {
      throw new ApiConflictException("Request " + reference + " has no processing block of its own left to lift, "
          + "or its lift is already under way.");
    }
    // the officer's right to lift was checked above; starting the lift path is the system's consequence
    system.run(() -> runtimeService.createMessageCorrelation(RestrictionProcess.LIFT_MESSAGE)
        .processInstanceBusinessKey(reference)
        .setVariable(RestrictionProcess.Variables.REFERENCE.name(), reference)
        .setVariable(RestrictionProcess.Variables.LIFT_NOTICE_PERIOD.name(), restrictions.liftNoticePeriod())
        .correlateStartMessage());
    return chosen;
  }
}
