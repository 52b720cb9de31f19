package nl.ymere.privacy.complaint;

import nl.ymere.privacy.process.ProductCalls;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a complaint from {@code POST /api/complaints} or the public form and starts {@code privacy-complaint}
 * with its reference as business key and only the reference as variable (DESIGN principle 2). One transaction: a
 * refused complaint or a failed start leaves no row, no instance and no letter (principle 7).
 */
@Service
public class ComplaintRegistration {

  private final ComplaintService complaints;
  private final RuntimeService runtime;

  ComplaintRegistration(ComplaintService complaints, RuntimeService runtime) {
    this.complaints = complaints;
    this.runtime = runtime;
  }

  @Transactional
  public Complaint register(RegisterComplaintCommand command, String registeredBy) {
    Complaint complaint = complaints.store(command, registeredBy);
    ProcessInstance instance = ProductCalls.call(() -> runtime.startProcessInstanceByKey(ComplaintProcess.KEY,
        complaint.reference(), java.util.Map.of(ComplaintProcess.Variables.COMPLAINT_REFERENCE.name(),
            complaint.reference())));
    complaints.setProcessInstanceId(complaint.reference(), instance.getId());
    return complaints.find(complaint.reference()).orElseThrow();
  }
}
