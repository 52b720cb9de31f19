package modularityfixture.good.identity;

import modularityfixture.good.request.RequestService;

public class IdentityService {
  private final RequestService requests = new RequestService();

  public Object verify() {
    return requests.register(null);
  }
}
