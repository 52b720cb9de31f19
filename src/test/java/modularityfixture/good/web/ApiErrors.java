package modularityfixture.good.web;

public class ApiErrors {
  public void add(String field) {
  }
}
