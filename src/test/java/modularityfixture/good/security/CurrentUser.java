package modularityfixture.good.security;

public class CurrentUser {
  public String id() {
    return "desk";
  }
}
