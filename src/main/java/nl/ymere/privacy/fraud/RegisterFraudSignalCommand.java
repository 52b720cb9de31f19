package nl.ymere.privacy.fraud;

/**
 * A received fraud report or signal (issue 8, ADM-1: always about one specific address or tenancy, never bulk
 * screening). {@code indicators} are the model's allow-listed facts; a missing indicator counts as not established.
 * {@code reporterUserId} is the employee who reported it, if it came from staff; for an internal observation without
 * one, the registering user is the reporter. The reporter may not assess the signal (ADM-2).
 */
public record RegisterFraudSignalCommand(SignalSource source, String address, String tenancyReference,
    String tenantName, String description, Indicators indicators, String reporterUserId) {

  public record Indicators(Boolean mainResidenceRegisteredElsewhere, Boolean unknownOccupantsRegistered,
      Boolean lowUtilityUsage, Boolean subletAdvertisementFound, Integer independentReports) {
  }
}
