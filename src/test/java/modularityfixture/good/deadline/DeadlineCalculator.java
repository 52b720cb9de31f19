package modularityfixture.good.deadline;

public class DeadlineCalculator {
  public static java.time.LocalDate due(java.time.LocalDate receivedOn) {
    return receivedOn.plusMonths(1);
  }
}
