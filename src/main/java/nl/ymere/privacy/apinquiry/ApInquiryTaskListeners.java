package nl.ymere.privacy.apinquiry;

import static nl.ymere.privacy.apinquiry.ApInquiryProcess.Variables.INQUIRY_ANSWER_APPROVED;
import static nl.ymere.privacy.apinquiry.ApInquiryProcess.Variables.INQUIRY_DRAFTER;
import static nl.ymere.privacy.apinquiry.ApInquiryProcess.Variables.INQUIRY_REFERENCE;
import static nl.ymere.privacy.process.TaskFields.flag;
import static nl.ymere.privacy.process.TaskFields.take;
import static nl.ymere.privacy.process.TaskFields.user;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import nl.ymere.privacy.process.CurrentUser;
import nl.ymere.privacy.process.RefusedStepException;
import nl.ymere.privacy.security.FourEyesSteps;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Complete listeners of the AP inquiry's user tasks. Free text (the answer, the FG's advice, an approver's remark)
 * moves into the inquiry tables and is removed from the process before the transaction commits (DESIGN principle 2);
 * the acting user is the engine authentication, never a form field (principle 6).
 */
@Configuration
class ApInquiryTaskListeners {

  static final String FIELD_ANSWER_TEXT = "apAnswerText";
  static final String FIELD_FG_ADVICE = "fgAdvice";
  static final String FIELD_FG_ADVICE_NOTE = "fgAdviceNote";
  static final String FIELD_APPROVAL_NOTE = "apApprovalNote";
  static final String FIELD_CLOSED_ON = "apClosedOn";
  static final String FIELD_CLOSURE = "apClosure";
  static final String FIELD_RELEASE_CONFIRMED = "legalHoldReleaseConfirmed";

  /** The privacy officer's draft: the first step of the four-eyes pair (CMP-4). */
  @Bean
  TaskListener apInquiryDraftListener(ApInquiryService inquiries, FourEyesSteps fourEyes) {
    return task -> {
      String answer = take(task, FIELD_ANSWER_TEXT);
      String user = user(task);
      inquiries.draftAnswer(INQUIRY_REFERENCE.required(task), answer, user);
      fourEyes.recordFirstStep(task, INQUIRY_DRAFTER, user);
    };
  }

  /** The FG's advice: recorded, decides nothing (Art 38(6)). */
  @Bean
  TaskListener apInquiryFgAdviceListener(ApInquiryService inquiries) {
    return task -> {
      String advice = take(task, FIELD_FG_ADVICE);
      String note = take(task, FIELD_FG_ADVICE_NOTE);
      inquiries.recordFgAdvice(INQUIRY_REFERENCE.required(task), advice, note, user(task));
    };
  }

  /** The second privacy officer's or manager's approval (another user than the drafter; checked in the service). */
  @Bean
  TaskListener apInquiryApprovalListener(ApInquiryService inquiries) {
    return task -> {
      String note = take(task, FIELD_APPROVAL_NOTE);
      boolean approved = flag(task, INQUIRY_ANSWER_APPROVED.name());
      inquiries.decideApproval(INQUIRY_REFERENCE.required(task), approved, note, user(task));
      INQUIRY_ANSWER_APPROVED.set(task.getExecution(), approved);
    };
  }

  /** The AP's closure of the inquiry (date and result code). */
  @Bean
  TaskListener apInquiryClosureListener(ApInquiryService inquiries) {
    return task -> {
      String closedOn = CurrentUser.text(task, FIELD_CLOSED_ON);
      String closure = CurrentUser.text(task, FIELD_CLOSURE);
      task.removeVariable(FIELD_CLOSED_ON);
      task.getExecution().removeVariable(FIELD_CLOSED_ON);
      task.getExecution().removeVariable(FIELD_CLOSURE);
      inquiries.recordClosure(INQUIRY_REFERENCE.required(task), date(closedOn), closure, user(task));
    };
  }

  /** RET-4: the holds of the inquiry are released through the hold service once the AP closed it. */
  @Bean
  TaskListener apInquiryHoldReleaseListener(ApInquiryService inquiries) {
    return task -> {
      boolean confirmed = flag(task, FIELD_RELEASE_CONFIRMED);
      task.getExecution().removeVariable(FIELD_RELEASE_CONFIRMED);
      inquiries.releaseHolds(INQUIRY_REFERENCE.required(task), confirmed, user(task));
    };
  }

  private static LocalDate date(String value) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      throw new RefusedStepException("De datum is ongeldig (verwacht JJJJ-MM-DD).");
    }
  }
}
