package nl.ymere.privacy.disclosure;

import static nl.ymere.privacy.disclosure.DisclosureDemandProcess.Variables.DEMAND_REFERENCE;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of {@code disclosure-demand.bpmn}. */
@Configuration
class DisclosureDelegates {

  @Bean
  JavaDelegate sendDisclosureRefusalDelegate(DisclosureService demands) {
    return execution -> demands.refuse(DEMAND_REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate discloseThroughGateDelegate(DisclosureService demands) {
    return execution -> demands.disclose(DEMAND_REFERENCE.required(execution));
  }

  @Bean
  JavaDelegate notifyDisclosedPersonDelegate(DisclosureService demands) {
    return execution -> demands.notifyPerson(DEMAND_REFERENCE.required(execution));
  }
}
