package nl.ymere.privacy.fraud;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Oversight figures for privacy officers (ADM-2, ADM-5): per model version, the number of signals per band, how often
 * assessors dismissed high-score signals or investigated low-score ones, and how often the second assessor
 * overturned the first: the numbers that show whether humans really decide. Counts only, never signal content.
 */
@Service
class FraudOversightService {

  record VersionFigures(String decisionKey, int version, String versionTag, int signals, Map<String, Integer> perBand,
      int decided, int highBandDismissed, int lowBandInvestigated, int secondOverturnedFirst,
      double disagreementRate) {
  }

  private final FraudSignalRepository signals;

  FraudOversightService(FraudSignalRepository signals) {
    this.signals = signals;
  }

  @Transactional(readOnly = true)
  List<VersionFigures> figures() {
    Map<Integer, List<FraudSignalRepository.OversightRow>> byVersion = new TreeMap<>();
    for (FraudSignalRepository.OversightRow row : signals.oversightRows()) {
      byVersion.computeIfAbsent(row.decisionVersion(), v -> new ArrayList<>()).add(row);
    }
    List<VersionFigures> figures = new ArrayList<>();
    byVersion.forEach((version, rows) -> {
      Map<String, Integer> perBand = new LinkedHashMap<>();
      for (String band : List.of("LOW", "MEDIUM", "HIGH")) {
        perBand.put(band, (int) rows.stream().filter(r -> band.equals(r.band())).count());
      }
      List<FraudSignalRepository.OversightRow> decided = rows.stream().filter(r -> r.decision() != null).toList();
      int highDismissed = (int) decided.stream()
          .filter(r -> "HIGH".equals(r.band()) && FraudSignalProcess.DISMISS.equals(r.decision())).count();
      int lowInvestigated = (int) decided.stream()
          .filter(r -> "LOW".equals(r.band()) && FraudSignalProcess.INVESTIGATE.equals(r.decision())).count();
      int overturned = (int) decided.stream()
          .filter(r -> r.proposal() != null && !r.proposal().equals(r.decision())).count();
      double rate = decided.isEmpty() ? 0.0 : Math.round(1000.0 * overturned / decided.size()) / 1000.0;
      figures.add(new VersionFigures(FraudSignalProcess.RISK_DECISION, version, rows.get(0).versionTag(),
          rows.size(), perBand, decided.size(), highDismissed, lowInvestigated, overturned, rate));
    });
    return figures;
  }
}
