package nl.ymere.privacy.personaldata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ymere.privacy.security.Groups;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Camera footage references (demo source): where a person is recognisable in retained footage of a camera under the
 * camera protocol. The footage stays in the camera store and is deleted by its retention sweep (CAM-5); this source
 * holds the reference. Footage kept for an incident is evidence (criminal-law data, ROP-2), read only by facility and
 * privacy officers (SEC-1). The recorded times and the camera are facts of the recording and are not corrected.
 */
@Component
class CameraFootageSource extends TenancyTableSource {

  static final String SYSTEM = "camera";

  CameraFootageSource(JdbcTemplate jdbc) {
    super(new SourceTable(jdbc, SYSTEM, "footage", "camera_footage_reference",
        SourceTable.columns("tenancyNumber", "tenancy_number", "cameraReference", "camera_reference",
            "recordedFrom", "recorded_from", "recordedUntil", "recorded_until", "storageKey", "storage_key",
            "incidentReference", "incident_reference", "describedAs", "described_as", "keepUntil", "keep_until"),
        // REC-1: the description of what a recording shows is the viewer's observation, not rewritten
        Map.of(), Set.of("describedAs"),
        "tenancy_number = NULL, storage_key = NULL, described_as = NULL"),
        "camera_footage_reference", "camera_reference, incident_reference, keep_until");
  }

  @Override
  public String system() {
    return SYSTEM;
  }

  @Override
  public String displayName() {
    return "Camerabeelden (verwijzingen)";
  }

  @Override
  public Set<String> flaggedItemReaders() {
    return Set.of(Groups.FACILITY);
  }

  @Override
  PersonalDataItem describe(ResultSet row, String itemId, boolean restricted) throws SQLException {
    String incident = row.getString("incident_reference");
    return new PersonalDataItem(SYSTEM, itemId,
        "Camerabeelden van camera " + row.getString("camera_reference") + " waarop u herkenbaar bent",
        incident == null ? "Beveiliging van gebouw en bewoners (cameraprotocol)"
            : "Afhandeling van een incident (cameraprotocol)",
        LegalBasis.LEGITIMATE_INTEREST, "Opgenomen door een camera van Ymere",
        incident == null ? List.of() : List.of("Politie (bij aangifte of vordering)"),
        new Retention(incident == null ? "Ten hoogste 28 dagen na opname (CAM-5)"
            : "Tot afhandeling van het incident (CAM-5)", SourceTable.date(row, "keep_until")),
        false, incident != null, true, false, restricted);
  }
}
