package modularityfixture.cycle.request;

import modularityfixture.cycle.identity.IdentityService;

public class RequestService {
  public void register() {
    new IdentityService().verify();
  }
}
