package nl.ymere.privacy.fraud;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The approved, versioned feature list of the risk model (ADM-4): the only values the model is given. No
 * special-category data, nationality, ethnicity, neighbourhood, postcode, age or other proxy is ever a feature
 * (Art 9 AVG; ECLI:NL:RBDHA:2020:865 SyRI). {@code FraudRiskModelTest} fails when {@code fraud-risk.dmn} reads any
 * other input. Adding a feature needs a DPIA update and FG advice (ADM-4, ADM-5).
 */
public record FraudRiskInputs(SignalSource signalSource, boolean mainResidenceRegisteredElsewhere,
    boolean unknownOccupantsRegistered, boolean lowUtilityUsage, boolean subletAdvertisementFound,
    int independentReports) {

  /** The DMN input names of {@code fraud-risk}, in table order. */
  public static final List<String> ALLOWED = List.of("signalSource", "mainResidenceRegisteredElsewhere",
      "unknownOccupantsRegistered", "lowUtilityUsage", "subletAdvertisementFound", "independentReports");

  /** What the model is evaluated with, and what is stored as "inputs used" (keys exactly {@link #ALLOWED}). */
  public Map<String, Object> asVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("signalSource", signalSource.name());
    variables.put("mainResidenceRegisteredElsewhere", mainResidenceRegisteredElsewhere);
    variables.put("unknownOccupantsRegistered", unknownOccupantsRegistered);
    variables.put("lowUtilityUsage", lowUtilityUsage);
    variables.put("subletAdvertisementFound", subletAdvertisementFound);
    variables.put("independentReports", independentReports);
    return variables;
  }
}
