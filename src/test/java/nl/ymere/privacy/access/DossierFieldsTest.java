package nl.ymere.privacy.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 16 item 5: the dossier a tenant reads has Dutch labels and local values, no field names or internal keys. */
class DossierFieldsTest {

  @Test
  void showsDutchLabelsLocalDatesAndPlainValuesInTheSourcesOrder() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("tenancyNumber", "HC-1001");
    fields.put("dateOfBirth", "1984-03-05");
    fields.put("recordedFrom", "2026-07-01T08:30:00Z");
    fields.put("optedIn", "TRUE");
    fields.put("medicalIndication", "false");
    fields.put("monthlyRent", "612.50");
    fields.put("channel", "PHONE");
    fields.put("storageKey", "cam-7/2026-07-01/0830.mp4");

    assertThat(DossierFields.shown(fields)).containsExactly(
        Map.entry("Huurcontractnummer", "HC-1001"),
        Map.entry("Geboortedatum", "5 maart 1984"),
        // summer time: UTC+2
        Map.entry("Opgenomen vanaf", "1 juli 2026 om 10:30"),
        Map.entry("Aangemeld", "ja"),
        Map.entry("Medische indicatie", "nee"),
        Map.entry("Huur per maand", "€ 612,50"),
        Map.entry("Kanaal", "telefoon"));
  }

  @Test
  void aFieldWithoutALabelReadsAsWordsNeverAsItsName() {
    assertThat(DossierFields.label("keyHandedOverOn")).isEqualTo("Key handed over on");
    assertThat(DossierFields.value("note", "Lekkage in de badkamer")).isEqualTo("Lekkage in de badkamer");
  }
}
