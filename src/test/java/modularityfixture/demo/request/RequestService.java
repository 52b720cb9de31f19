package modularityfixture.demo.request;

import modularityfixture.demo.demo.DemoData;

public class RequestService {
  public Object register() {
    return new DemoData();
  }
}
