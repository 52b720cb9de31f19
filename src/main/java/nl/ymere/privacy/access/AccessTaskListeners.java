package nl.ymere.privacy.access;

import static nl.ymere.privacy.access.AccessRequestProcess.Variables.ACCESS_REVIEWER;
import static nl.ymere.privacy.access.AccessRequestProcess.Variables.APPOINTMENT_RESULT;
import static nl.ymere.privacy.access.AccessRequestProcess.Variables.DELIVERY_METHOD;
import static nl.ymere.privacy.access.AccessRequestProcess.Variables.EXEMPTIONS_APPROVED;
import static nl.ymere.privacy.access.AccessRequestProcess.Variables.REFERENCE;

import java.time.Clock;
import java.util.Map;
import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.request.RequestRecords;
import nl.ymere.privacy.security.FourEyesSteps;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Complete listeners of the access tasks: the tenancy number and comments go to the product's tables and are removed
 * from the process (DESIGN principle 2); the reviewer is the authenticated user (principle 6).
 */
@Configuration
class AccessTaskListeners {

  /** Form field of {@code forms/access-search.form}. */
  static final String FIELD_TENANCY_NUMBER = "tenancyNumber";
  /** Form field of {@code forms/approve-access-exemptions.form}. */
  static final String FIELD_APPROVAL_COMMENT = "approvalComment";
  static final String NOTE_EXEMPTION_APPROVAL = "ACCESS_EXEMPTION_APPROVAL";
  /** Form fields of {@code forms/choose-access-delivery.form}. */
  static final String FIELD_CODE_POSTAL_ADDRESS = "codePostalAddress";
  /** Form fields of {@code forms/plan-access-appointment.form}: free text or not needed by the process. */
  static final String FIELD_APPOINTMENT_DATE = "appointmentDate";
  static final String FIELD_APPOINTMENT_TIME = "appointmentTime";
  static final String FIELD_APPOINTMENT_PLACE = "appointmentPlace";
  /** Form field of {@code forms/hand-over-access-dossier.form} (ID-3 document type, never a number). */
  static final String FIELD_ID_DOCUMENT_TYPE = "idDocumentType";

  @Bean
  TaskListener accessSearchListener(AccessReviewService review) {
    return task -> {
      String tenancyNumber = CurrentUser.text(task, FIELD_TENANCY_NUMBER);
      task.getExecution().removeVariable(FIELD_TENANCY_NUMBER);
      if (tenancyNumber != null && !tenancyNumber.matches("[A-Za-z0-9-]{1,40}")) {
        throw new RefusedStepException("Het huurcontractnummer bestaat uit letters, cijfers en streepjes (hoogstens "
            + "40 tekens).");
      }
      review.confirmSearch(REFERENCE.required(task), tenancyNumber, CurrentUser.of(task));
    };
  }

  /** ACC-3: completes with counts only, and only when every item has a decision. */
  @Bean
  TaskListener accessReviewListener(AccessReviewService review, FourEyesSteps fourEyes) {
    return task -> {
      String user = CurrentUser.of(task);
      if (user == null) {
        throw new RefusedStepException(RefusedStepException.Kind.NOT_ALLOWED, "De beoordeling kan alleen door een ingelogde gebruiker worden afgerond.");
      }
      Map<AccessDecision, Integer> counts;
      try {
        counts = review.counts(REFERENCE.required(task));
      } catch (IllegalStateException e) {
        // a product refusal: Tasklist, the REST API and the review screen show the Dutch message (400), not a 500
        throw new RefusedStepException(e.getMessage());
      }
      task.getExecution().setVariable(AccessRequestProcess.Variables.INCLUDED, counts.get(AccessDecision.INCLUDE));
      task.getExecution().setVariable(AccessRequestProcess.Variables.REDACTED, counts.get(AccessDecision.REDACT));
      task.getExecution().setVariable(AccessRequestProcess.Variables.WITHHELD, counts.get(AccessDecision.WITHHOLD));
      fourEyes.recordFirstStep(task, ACCESS_REVIEWER, user);
    };
  }

  /**
   * Create listener of the review (issue 16 item 2, SEC-1): each restricted-data team that owns a flagged item of the
   * person gets a Tasklist subtask of the review, tied to the request in the product's tables.
   */
  @Bean
  TaskListener accessTeamReviewListener(AccessTeamReviews teams) {
    return task -> teams.open(REFERENCE.required(task), task.getId(), task.getDueDate());
  }

  /** Complete listener of the review, after the counts: the teams' subtasks still open are removed. */
  @Bean
  TaskListener accessTeamReviewCloseListener(AccessTeamReviews teams) {
    return task -> teams.close(task.getId());
  }

  /** ACC-2: the person's choice; the code address goes to the product table, the method stays as a code. */
  @Bean
  TaskListener accessDeliveryChoiceListener(AccessDeliveryService deliveries) {
    return task -> {
      String address = CurrentUser.text(task, FIELD_CODE_POSTAL_ADDRESS);
      task.getExecution().removeVariable(FIELD_CODE_POSTAL_ADDRESS);
      DeliveryMethod method = deliveries.choose(REFERENCE.required(task), CurrentUser.text(task, DELIVERY_METHOD.name()), address,
          CurrentUser.of(task));
      DELIVERY_METHOD.set(task.getExecution(), method.name());
    };
  }

  /** ACC-2, ID-5: date, time and place are validated and stored in the product table, none stays in the process. */
  @Bean
  TaskListener accessAppointmentListener(AccessAppointmentService appointments) {
    return task -> {
      String date = CurrentUser.text(task, FIELD_APPOINTMENT_DATE);
      String time = CurrentUser.text(task, FIELD_APPOINTMENT_TIME);
      String place = CurrentUser.text(task, FIELD_APPOINTMENT_PLACE);
      task.getExecution().removeVariable(FIELD_APPOINTMENT_DATE);
      task.getExecution().removeVariable(FIELD_APPOINTMENT_TIME);
      task.getExecution().removeVariable(FIELD_APPOINTMENT_PLACE);
      APPOINTMENT_RESULT.remove(task.getExecution()); // a result of an earlier appointment must not carry over
      appointments.plan(REFERENCE.required(task), date, time, place, CurrentUser.of(task));
    };
  }

  /** ID-5: no hand-over without the ID checked again; the document type goes to the product table. */
  @Bean
  TaskListener accessHandOverListener(AccessAppointmentService appointments) {
    return task -> {
      String documentType = CurrentUser.text(task, FIELD_ID_DOCUMENT_TYPE);
      task.getExecution().removeVariable(FIELD_ID_DOCUMENT_TYPE);
      String result = appointments.recordResult(REFERENCE.required(task),
          CurrentUser.text(task, APPOINTMENT_RESULT.name()),
          documentType, CurrentUser.of(task));
      APPOINTMENT_RESULT.set(task.getExecution(), result);
    };
  }

  /**
   * ACC-4: the privacy officer's approval of the withheld items. The shared four-eyes listener refuses the users
   * recorded as {@code accessReviewer}; {@link AccessExemptionApprovals} checks again on the product's tables (every
   * decider of a withheld or redacted item, the review's completer) and stores the verdict (issue 14 finding 3).
   */
  @Bean
  TaskListener accessExemptionApprovalListener(RequestRecords requests, AccessExemptionApprovals approvals,
      Clock clock) {
    return task -> {
      Boolean approved = EXEMPTIONS_APPROVED.from(task);
      if (approved == null) {
        throw new RefusedStepException("Geef aan of de uitzonderingen zijn goedgekeurd.");
      }
      String comment = CurrentUser.text(task, FIELD_APPROVAL_COMMENT);
      task.getExecution().removeVariable(FIELD_APPROVAL_COMMENT);
      String reference = REFERENCE.required(task);
      long requestId = requests.getByReference(reference).id();
      String user = CurrentUser.of(task);
      approvals.decide(reference, approved, user);
      if (comment != null) {
        requests.addNote(requestId, NOTE_EXEMPTION_APPROVAL, comment, user, clock.instant());
      }
      requests.addEvent(requestId, clock.instant(), approved ? "ACCESS_EXEMPTIONS_APPROVED"
          : "ACCESS_EXEMPTIONS_SENT_BACK", user);
    };
  }
}
