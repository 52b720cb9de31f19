package nl.ymere.privacy.disclosure;

import java.util.Map;
import nl.ymere.privacy.process.ProductCalls;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers a demand and starts {@code disclosure-demand} in one transaction (principle 7). */
@Service
public class DisclosureRegistration {

  private final DisclosureService demands;
  private final RuntimeService runtime;

  DisclosureRegistration(DisclosureService demands, RuntimeService runtime) {
    this.demands = demands;
    this.runtime = runtime;
  }

  @Transactional
  public DisclosureDemand register(RegisterDemandCommand command, String user) {
    DisclosureDemand demand = demands.store(command, user);
    ProcessInstance instance = ProductCalls.call(() -> runtime.startProcessInstanceByKey(DisclosureDemandProcess.KEY,
        demand.reference(), Map.of(DisclosureDemandProcess.Variables.DEMAND_REFERENCE.name(), demand.reference())));
    demands.setProcessInstanceId(demand.reference(), instance.getId());
    return demands.find(demand.reference()).orElseThrow();
  }
}
