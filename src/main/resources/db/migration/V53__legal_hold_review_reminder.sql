-- RET-4 (issue 17 item 4): the owner of a legal hold is reminded before its review date lapses. The review date the
-- reminder was sent for is kept on the hold, so each review date is reminded once (on every node, idempotent), and a
-- new review date is reminded again.
ALTER TABLE legal_hold ADD COLUMN review_reminded_for DATE;
-- The owner's (or an officer's) last review: who confirmed the hold is still needed, and when.
ALTER TABLE legal_hold ADD COLUMN last_reviewed_by TEXT;
ALTER TABLE legal_hold ADD COLUMN last_reviewed_at TIMESTAMP;
