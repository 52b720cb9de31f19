-- The plain-text alternative of a mail is derived from its HTML when the mail is sent (OutboxMessage.bodyText):
-- the HTML is the record of what was sent, and queuing a letter inside a request's transaction no longer pays for
-- the conversion (issue 4 benchmark).
ALTER TABLE privacy.outbox_message DROP COLUMN body_text;
