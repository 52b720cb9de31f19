-- Issue 14 finding 6: a message with a one-time link (the masked-copy upload link) keeps two copies. body_html is
-- the staff-readable record with a marker where the link was; the recipient's copy with the link is stored
-- encrypted (AES-GCM, privacy.security.encryption-key, bound to the row's Message-ID) and cleared once the row is
-- SENT or PRINTED. Rows without a one-time link leave both columns NULL.
ALTER TABLE privacy.outbox_message ADD COLUMN recipient_copy_nonce BYTEA;
ALTER TABLE privacy.outbox_message ADD COLUMN recipient_copy BYTEA;
