-- Human review of an automated decision (issue 5, build item 8; ADM-2, ADM-3, ADM-6, LET-3). One row per
-- HUMAN_REVIEW request: the fraud signal whose decision is reviewed, the person's view (free text, here and never in
-- a process variable, SEC-3), and the two reviewers' new decision with both reasons. The new decision is also
-- recorded against the signal in privacy.fraud_assessment (steps REVIEW1, REVIEW2) through the fraud facade.
-- Portable SQL for H2 and PostgreSQL.
CREATE TABLE human_review (
  reference              VARCHAR(20)   NOT NULL PRIMARY KEY,
  signal_reference       VARCHAR(20)   NOT NULL,
  linked_by              VARCHAR(64)   NOT NULL,
  linked_at              TIMESTAMP WITH TIME ZONE NOT NULL,
  view_due_at            TIMESTAMP WITH TIME ZONE,
  view_text              TEXT,
  view_received_at       TIMESTAMP WITH TIME ZONE,
  view_recorded_by       VARCHAR(64),
  view_lapsed_at         TIMESTAMP WITH TIME ZONE,
  proposal               VARCHAR(20),
  proposal_reasons       TEXT,
  proposed_by            VARCHAR(64),
  proposed_at            TIMESTAMP WITH TIME ZONE,
  proposal_confirmed     BOOLEAN,
  decision               VARCHAR(20),
  decision_reasons       TEXT,
  decided_by             VARCHAR(64),
  decided_at             TIMESTAMP WITH TIME ZONE
);
