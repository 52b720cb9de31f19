package modularityfixture.internals.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

public class CloseRequestDelegate implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
  }
}
