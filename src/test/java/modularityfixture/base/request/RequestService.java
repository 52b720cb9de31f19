package modularityfixture.base.request;

public class RequestService {
  public boolean isOpen() {
    return true;
  }
}
