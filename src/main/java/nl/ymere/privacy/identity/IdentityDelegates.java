package nl.ymere.privacy.identity;

import static nl.ymere.privacy.identity.IdentityVerificationProcess.Variables.DOCUMENT_TYPE;
import static nl.ymere.privacy.identity.IdentityVerificationProcess.Variables.IDENTITY_BASIS;
import static nl.ymere.privacy.identity.IdentityVerificationProcess.Variables.IDENTITY_METHOD;
import static nl.ymere.privacy.identity.IdentityVerificationProcess.Variables.IDENTITY_RESULT;
import static nl.ymere.privacy.identity.IdentityVerificationProcess.Variables.REFERENCE;

import nl.ymere.privacy.identity.IdentityVerificationProcess.Variables;
import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.process.RefusedStepException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Thin delegates and task listeners of {@code identity-verification.bpmn}; each calls one service method. */
@Configuration
class IdentityDelegates {

  @Bean
  JavaDelegate openIdentityCheckDelegate(IdentityCheckService service) {
    return execution -> {
      if (!service.open(REFERENCE.required(execution))) {
        IDENTITY_RESULT.set(execution, "NOT_REQUIRED"); // ID-1: see IdentityCheckService.open
      }
    };
  }

  @Bean
  TaskListener identityMethodListener(IdentityCheckService service) {
    return task -> {
      String doubt = CurrentUser.text(task, Variables.FIELD_DOUBT_REASON);
      task.getExecution().removeVariable(Variables.FIELD_DOUBT_REASON);
      IdentityMethod method;
      try {
        method = IdentityMethod.valueOf(IDENTITY_METHOD.required(task));
      } catch (RuntimeException e) {
        throw new RefusedStepException("Kies hoe de identiteit wordt vastgesteld.");
      }
      service.recordMethod(REFERENCE.required(task), method, IDENTITY_BASIS.from(task), DOCUMENT_TYPE.from(task),
          doubt, IDENTITY_RESULT.from(task), CurrentUser.of(task));
    };
  }

  @Bean
  JavaDelegate sendChallengeCodeDelegate(IdentityCheckService service) {
    return execution -> service.sendChallengeCode(REFERENCE.required(execution));
  }

  @Bean
  TaskListener challengeCodeListener(IdentityCheckService service) {
    return task -> {
      String code = CurrentUser.text(task, Variables.FIELD_CHALLENGE_CODE);
      task.getExecution().removeVariable(Variables.FIELD_CHALLENGE_CODE);
      IDENTITY_RESULT.set(task.getExecution(),
          service.checkChallengeCode(REFERENCE.required(task), code, CurrentUser.of(task)));
    };
  }

  @Bean
  JavaDelegate requestMaskedCopyDelegate(IdentityCheckService service) {
    return execution -> service.requestMaskedCopy(REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate sendCopyReminderDelegate(IdentityCheckService service) {
    return execution -> service.sendCopyReminder(REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate recordNoReplyDelegate(IdentityCheckService service) {
    return execution -> {
      service.recordNoReply(REFERENCE.required(execution));
      IDENTITY_RESULT.set(execution, "NO_REPLY");
    };
  }

  @Bean
  TaskListener maskedCopyCheckListener(IdentityCheckService service) {
    return task -> service.recordCopyCheck(REFERENCE.required(task), IDENTITY_RESULT.from(task),
        DOCUMENT_TYPE.from(task), CurrentUser.of(task));
  }

  @Bean
  JavaDelegate deleteIdCopyDelegate(IdentityCheckService service) {
    return execution -> service.deleteCopy(REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate purgeUncheckedCopyDelegate(IdentityCheckService service) {
    return execution -> service.purgeUncheckedCopy(REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate recordIdentityResultDelegate(IdentityCheckService service) {
    return execution -> service.recordResult(REFERENCE.required(execution), IDENTITY_RESULT.from(execution));
  }
}
