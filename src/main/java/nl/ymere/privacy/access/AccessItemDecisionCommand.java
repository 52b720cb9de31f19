package nl.ymere.privacy.access;

import java.util.List;

/**
 * Body of {@code PUT /api/requests/{reference}/access-review/items/{system}/{itemId}} (ACC-3): the decision, for
 * WITHHOLD the exemption code and a case-specific reason, for REDACT the fields and/or literal text passages of the
 * third party that the dossier replaces by the redaction marker.
 */
public record AccessItemDecisionCommand(String decision, String exemptionCode, String reason,
    List<String> redactFields, List<String> redactTexts) {
}
