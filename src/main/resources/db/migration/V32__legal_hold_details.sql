-- RET-4 (issue 17 item 4): a legal hold names its kind, owner and review date; its release takes two people: one
-- proposes it with a reason, another confirms it.
ALTER TABLE legal_hold ADD COLUMN kind VARCHAR(20);
ALTER TABLE legal_hold ADD COLUMN owner_user TEXT;
ALTER TABLE legal_hold ADD COLUMN review_on DATE;
ALTER TABLE legal_hold ADD COLUMN release_proposed_by TEXT;
ALTER TABLE legal_hold ADD COLUMN release_proposed_at TIMESTAMP;
ALTER TABLE legal_hold ADD COLUMN release_reason TEXT;
