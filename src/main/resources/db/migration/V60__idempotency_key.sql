-- Idempotency-Key of POST /api/requests (issue 15 item 3): a client that did not get an answer (a timeout, a 503
-- during a database fault) sends the same request again with the same key and gets the first answer again instead
-- of a second registration. One row per user and key, written in the registration's own transaction (so a rolled-back
-- registration leaves no key). request_hash: SHA-256 of the parsed request body; a different body under the same key
-- is refused (409). response_body: the 201 answer (reference, right, status, dates, process instance id; no personal
-- data). Rows older than privacy.request.idempotency-key-retention (24 h) no longer count and are purged.
-- Portable SQL for H2 and PostgreSQL.
CREATE TABLE idempotency_key (
  client_user     VARCHAR(64)   NOT NULL,
  idempotency_key VARCHAR(200)  NOT NULL,
  request_hash    VARCHAR(64)   NOT NULL,
  response_status INTEGER       NOT NULL,
  location        VARCHAR(300),
  response_body   TEXT          NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_idempotency_key PRIMARY KEY (client_user, idempotency_key)
);
CREATE INDEX ix_idempotency_key_created ON idempotency_key (created_at);
