-- Issue 20 item 6 (CON-2, Art 7(3), Art 19): a withdrawal is told to each processor of the purpose automatically, by
-- a notice through the outbox to the contact of the processor register, behind the sharing gate; the propagation step
-- records the notice (outbox row and time) or why the gate refused it (then the desk passes it on by hand). The
-- confirmation to the person goes by post when no e-mail address is on file. Portable SQL for H2 and PostgreSQL.
ALTER TABLE consent_propagation ADD COLUMN notice_outbox_id BIGINT;
ALTER TABLE consent_propagation ADD COLUMN notice_sent_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE consent_propagation ADD COLUMN notice_refused VARCHAR(40);

-- where the confirmation goes when the consent has no e-mail address (given with the withdrawal or the request's
-- postal address), and how it went: EMAIL, LETTER or NONE (no address at all)
ALTER TABLE consent ADD COLUMN confirmation_postal_address VARCHAR(500);
ALTER TABLE consent ADD COLUMN confirmation_channel VARCHAR(10);
