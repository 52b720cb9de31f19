package modularityfixture.good.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

public class SendAcknowledgementDelegate implements JavaDelegate {
  private final RequestService service = new RequestService();

  @Override
  public void execute(DelegateExecution execution) {
    service.register(null);
  }
}
