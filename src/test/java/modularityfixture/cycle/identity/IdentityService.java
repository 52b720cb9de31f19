package modularityfixture.cycle.identity;

import modularityfixture.cycle.request.RequestService;

public class IdentityService {
  public void verify() {
    new RequestService();
  }
}
