package modularityfixture.deadline.deadline;

import modularityfixture.deadline.security.CurrentUser;

public class DeadlineCalculator {
  public Object due() {
    return new CurrentUser();
  }
}
