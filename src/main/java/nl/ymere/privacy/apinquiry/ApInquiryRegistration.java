package nl.ymere.privacy.apinquiry;

import java.util.Map;
import nl.ymere.privacy.process.ProductCalls;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers an AP inquiry from {@code POST /api/ap-inquiries} and starts {@code ap-inquiry} with its reference as
 * business key and only the reference as variable (DESIGN principle 2). One transaction: a refused inquiry or a failed
 * start leaves no row, no hold and no instance (principle 7).
 */
@Service
public class ApInquiryRegistration {

  private final ApInquiryService inquiries;
  private final RuntimeService runtime;

  ApInquiryRegistration(ApInquiryService inquiries, RuntimeService runtime) {
    this.inquiries = inquiries;
    this.runtime = runtime;
  }

  @Transactional
  public ApInquiry register(RegisterApInquiryCommand command, String user) {
    ApInquiry inquiry = inquiries.store(command, user);
    ProcessInstance instance = ProductCalls.call(() -> runtime.startProcessInstanceByKey(ApInquiryProcess.KEY,
        inquiry.reference(), Map.of(ApInquiryProcess.Variables.INQUIRY_REFERENCE.name(), inquiry.reference())));
    inquiries.setProcessInstanceId(inquiry.reference(), instance.getId());
    return inquiries.find(inquiry.reference()).orElseThrow();
  }
}
