package nl.ymere.privacy.workbench;

import java.util.Date;
import nl.ymere.privacy.apinquiry.ApInquiryCases.ApInquiryCase;
import nl.ymere.privacy.breach.BreachCases.BreachCase;
import nl.ymere.privacy.camera.CameraCases.CameraCase;
import nl.ymere.privacy.complaint.ComplaintCases.ComplaintCase;
import nl.ymere.privacy.disclosure.DisclosureCases.DisclosureCase;
import nl.ymere.privacy.consent.ConsentCases.ConsentCase;
import nl.ymere.privacy.fraud.FraudSignalCases.FraudCase;
import nl.ymere.privacy.process.TaskScreen;
import nl.ymere.privacy.processor.AgreementCases.AgreementCase;

/**
 * A task and its case, as the "Zaak" tab beside the task's form shows them (issue 16, DESIGN principle 10). The task
 * was found with the user's own engine authorizations; the case comes from the product's tables at view time.
 * {@code request} is set for the tasks of a data-subject request and its sub-processes, {@code camera} for the camera
 * protocol's, {@code agreement} for a processor agreement's or covenant's and {@code fraud} for a fraud signal's;
 * {@code breach} for a data breach's (issue 18), {@code complaint} for a privacy complaint's and {@code disclosure}
 * for a compelled disclosure's (issue 19), {@code consent} for a consent withdrawal's propagation steps (issue 20);
 * {@code apInquiry} for an inquiry of the AP (issue 19 item 2); {@code screen} is the product screen on which the task is done (issue 16 item 2), or null when its Camunda Form is
 * all it needs.
 */
public record TaskCase(String taskId, String taskName, String taskDefinitionKey, String processKey,
    String processName, String reference, String assignee, Date due, RequestCase request, CameraCase camera,
    AgreementCase agreement, FraudCase fraud, TaskScreen screen, BreachCase breach, ComplaintCase complaint,
    DisclosureCase disclosure, ConsentCase consent, ApInquiryCase apInquiry) {

  /** The path of the task's screen, or null. */
  public String screenPath() {
    return screen == null ? null : screen.pathOf(taskId);
  }
}
