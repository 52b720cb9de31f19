package nl.ymere.privacy.retention;

import static nl.ymere.privacy.retention.RetentionSweepProcess.Variables.DESTRUCTION_APPROVED;
import static nl.ymere.privacy.retention.RetentionSweepProcess.Variables.DESTRUCTION_DUE;
import static nl.ymere.privacy.retention.RetentionSweepProcess.Variables.OWNER_GROUP;
import static nl.ymere.privacy.retention.RetentionSweepProcess.Variables.REFERENCE;

import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.web.ApiConflictException;
import nl.ymere.privacy.web.ApiForbiddenException;
import nl.ymere.privacy.web.ApiProblemException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin delegates and task listeners of {@code retention-sweep.bpmn}: each calls one {@link RetentionSweeps}
 * method, which checks its preconditions on the product's tables. Bean names are the diagram's
 * {@code delegateExpression}s.
 */
@Configuration
class RetentionSweepDelegates {

  /** Opens the sweep and builds its destruction list (RET-3); the reference becomes the business key. */
  @Bean
  JavaDelegate buildDestructionListDelegate(RetentionSweeps sweeps) {
    return execution -> {
      String user = CurrentUser.of(execution);
      String reference = sweeps.open(user == null ? "timer" : user);
      REFERENCE.set(execution, reference);
      execution.setProcessBusinessKey(reference);
      DESTRUCTION_DUE.set(execution, !sweeps.ownerGroups(reference).isEmpty());
    };
  }

  /** The owner group's part is reviewed: recorded with the reviewer (four eyes for the approval). */
  @Bean
  TaskListener reviewOwnerPartListener(RetentionSweeps sweeps) {
    return task -> refusedAsStep(() -> sweeps.recordReview(REFERENCE.required(task), OWNER_GROUP.required(task),
        CurrentUser.of(task)));
  }

  /** The privacy officer's decision on the list; refused for a reviewer (four eyes, on the product's rows). */
  @Bean
  TaskListener approveDestructionListListener(RetentionSweeps sweeps) {
    return task -> {
      Boolean approved = DESTRUCTION_APPROVED.from(task);
      if (approved == null) {
        throw new RefusedStepException("Geef aan of de vernietigingslijst is goedgekeurd.");
      }
      refusedAsStep(() -> sweeps.decide(REFERENCE.required(task), approved, CurrentUser.of(task)));
    };
  }

  /** Destroys and anonymises the approved list in batches (an asynchronous job: a failure retries, RET-2). */
  @Bean
  JavaDelegate destroyItemsDelegate(RetentionSweeps sweeps) {
    return execution -> refusedAsStep(() -> sweeps.execute(REFERENCE.required(execution)));
  }

  @Bean
  JavaDelegate issueDestructionCertificateDelegate(DestructionCertificate certificates) {
    return execution -> certificates.issue(REFERENCE.required(execution));
  }

  private static void refusedAsStep(Runnable action) {
    try {
      action.run();
    } catch (ApiForbiddenException e) {
      throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, e.getMessage());
    } catch (ApiConflictException e) {
      throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, e.getMessage());
    } catch (ApiProblemException e) {
      throw new RefusedStepException(e.getMessage());
    }
  }
}
