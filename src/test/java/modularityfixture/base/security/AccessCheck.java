package modularityfixture.base.security;

import modularityfixture.base.request.RequestService;

public class AccessCheck {
  public boolean allowed() {
    return new RequestService().isOpen();
  }
}
