package modularityfixture.good.demo;

import modularityfixture.good.identity.IdentityService;
import modularityfixture.good.request.RequestService;

public class DemoData {
  public void seed() {
    new RequestService().register(null);
    new IdentityService().verify();
  }
}
