package nl.ymere.privacy.access;

import static nl.ymere.privacy.access.AccessRequestProcess.Variables.OUTCOME;
import static nl.ymere.privacy.access.AccessRequestProcess.Variables.REFERENCE;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Thin service-task delegates of {@code dsr-access}: read the reference, call one service, write codes/counts. */
@Configuration
class AccessDelegates {

  @Bean
  JavaDelegate collectAccessItemsDelegate(AccessReviewService review) {
    return execution -> execution.setVariable(AccessRequestProcess.Variables.ITEM_COUNT,
        review.collect(REFERENCE.required(execution)));
  }

  @Bean
  JavaDelegate compileAccessDossierDelegate(AccessDossierService dossiers) {
    return execution -> dossiers.compile(REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate sendAccessAppointmentInvitationDelegate(AccessAppointmentService appointments) {
    return execution -> appointments.sendInvitation(REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate sendAccessDownloadLinkDelegate(AccessDownloadService downloads) {
    return execution -> downloads.sendLink(REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate sendAccessLetterDelegate(AccessAnswerService answers) {
    return execution -> OUTCOME.set(execution, answers.answer(REFERENCE.required(execution)).name());
  }
}
