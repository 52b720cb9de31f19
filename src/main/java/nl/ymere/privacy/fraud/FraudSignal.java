package nl.ymere.privacy.fraud;

import java.time.Instant;

/**
 * A fraud signal as stored (criminal-law data: only fraud assessors and privacy officers see it, every read logged).
 * After a dismissed signal's data are deleted, the personal fields and {@code inputs} are null.
 */
record FraudSignal(long id, String reference, SignalSource source, String address, String tenancyReference,
    String tenantName, String description, FraudRiskInputs inputs, String reporterUser, String registeredBy,
    Instant registeredAt, SignalStatus status, String decision, Instant decidedAt, String caseReference,
    Instant tenantInformedAt, Instant deleteAfter, Instant dataDeletedAt, Instant historyDeletedAt,
    String processInstanceId) {
}
