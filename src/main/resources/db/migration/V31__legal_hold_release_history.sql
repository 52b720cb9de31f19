-- RET-4, RET-6 (issue 15 item 6): a legal hold can be released (who, when), and a hold keeps the engine history of
-- the files it covers: the removal time of their finished process instances is cleared while a hold runs and
-- calculated again when none does. history_hold names the instances whose removal time the product cleared, so only
-- those are restored (an operator's own change of a removal time is left alone).
ALTER TABLE legal_hold ADD COLUMN released_at TIMESTAMP;
ALTER TABLE legal_hold ADD COLUMN released_by TEXT;

CREATE TABLE history_hold (
  root_process_instance_id VARCHAR(64) PRIMARY KEY,
  held_since               TIMESTAMP   NOT NULL
);
