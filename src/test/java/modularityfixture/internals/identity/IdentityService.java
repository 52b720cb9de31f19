package modularityfixture.internals.identity;

import modularityfixture.internals.request.CloseRequestDelegate;
import modularityfixture.internals.request.RequestController;
import modularityfixture.internals.request.RequestRepository;
import modularityfixture.internals.request.internal.RequestRow;

public class IdentityService {
  public Object[] reachIn() {
    return new Object[] {new RequestRow("x"), new RequestRepository(), new CloseRequestDelegate(),
        new RequestController()};
  }
}
