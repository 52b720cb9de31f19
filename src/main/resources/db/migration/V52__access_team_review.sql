-- The restricted-data teams' part of an access review (issue 16 item 2; SEC-1, ACC-3). Portable SQL for H2 and
-- PostgreSQL. When the review task opens and the person's items include special-category or criminal-law data, the
-- team that owns them (nuisance-team, housing-adaptation) gets a Tasklist subtask of the review; this table ties the
-- subtask to its request and team, so the screen and the service find them in the product's tables, never in process
-- variables. A subtask is completed by a team member once every item of the team is decided, or closed with the
-- review.
CREATE TABLE access_team_review (
  task_id TEXT PRIMARY KEY,
  reference TEXT NOT NULL,
  team TEXT NOT NULL,
  review_task_id TEXT NOT NULL,
  created_at TIMESTAMP NOT NULL,
  completed_by TEXT,
  completed_at TIMESTAMP,
  closed_at TIMESTAMP
);
CREATE INDEX access_team_review_reference ON access_team_review (reference);
