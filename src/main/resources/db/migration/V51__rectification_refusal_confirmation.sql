-- Rectification refusals on the product's tables (issue 14; REC-1, LET-3, four eyes). Portable SQL for H2 and
-- PostgreSQL. Who confirmed a refused change, and when: the letter with a refusal goes out only when every refused
-- change was confirmed by a user other than the one who refused it; a change sent back or decided again loses it.
ALTER TABLE rectification_change ADD COLUMN refusal_confirmed_by TEXT;
ALTER TABLE rectification_change ADD COLUMN refusal_confirmed_at TIMESTAMP;
