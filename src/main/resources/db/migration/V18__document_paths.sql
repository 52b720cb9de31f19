-- Documents kept by a capability (access dossier, portability export) are served by that capability's endpoint
-- under /api/requests/{reference}/; the request's document list links there instead of to the letter endpoint.
ALTER TABLE privacy.dsr_document ADD COLUMN path VARCHAR(100);
