package nl.ymere.privacy.rectification;

/**
 * Body of {@code POST /api/requests/{reference}/rectification/changes}: one change the person asks for (REC-1).
 *
 * @param system the source system of the item
 * @param itemId the item id in that source
 * @param kind CORRECT, COMPLETE or STATEMENT (recorded opinions: attach the person's statement)
 * @param field the field to correct or complete (one of the item's correctable fields); absent for STATEMENT
 * @param value the new value, or the person's statement
 * @param tenancyNumber optional: finds items kept per tenancy (stored with the case, not in the process)
 * @param restrictWhileChecking REC-2, RES-1(a): block the item while its accuracy is checked
 * @param recipientsNotInformedReason REQ-6: why the item's recipients cannot be told (impossible or disproportionate)
 */
record RecordChangeCommand(String system, String itemId, String kind, String field, String value,
    String tenancyNumber, Boolean restrictWhileChecking, String recipientsNotInformedReason) {
}
