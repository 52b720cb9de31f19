package nl.ymere.privacy.disclosure;

import java.util.Date;
import org.springframework.stereotype.Component;

/** The deferral review date from the stored demand ({@code ${disclosureTimers.reviewAt(demandReference)}}). */
@Component("disclosureTimers")
public class DisclosureTimers {

  private final DisclosureService demands;

  DisclosureTimers(DisclosureService demands) {
    this.demands = demands;
  }

  public Date reviewAt(String demandReference) {
    return demands.deferralReviewAt(demandReference);
  }
}
