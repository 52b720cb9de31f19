package nl.ymere.privacy.fraud;

/** Where a fraud report or signal came from (issue 8); an input of the risk model. */
public enum SignalSource {
  NEIGHBOUR_REPORT,
  MUNICIPALITY_REGISTRATION_MISMATCH,
  UTILITY_USAGE,
  SUBLETTING_ADVERTISEMENT,
  INTERNAL_OBSERVATION
}
