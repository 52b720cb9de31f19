-- RET-2 (issue 17 item 3): anonymisation that is real. An anonymised tenancy contract or rent payment leaves its
-- source table; what is kept for statistics is counted here, narrowed so that no row can be joined back to a person:
-- no key of the source row (no id column at all, only counts per combination), no name, address, e-mail, tenancy
-- number or free text, years instead of dates (months for payments), a decade instead of the date of birth, bands
-- instead of exact amounts. 0 stands for "unknown" so that each combination has exactly one row.
CREATE TABLE statistic_tenancy (
  start_year        INT           NOT NULL,
  end_year          INT           NOT NULL,
  birth_decade      INT           NOT NULL,
  rent_band         INT           NOT NULL,
  contract_count    BIGINT        NOT NULL,
  CONSTRAINT statistic_tenancy_once UNIQUE (start_year, end_year, birth_decade, rent_band)
);

CREATE TABLE statistic_rent_payment (
  paid_year         INT           NOT NULL,
  paid_month        INT           NOT NULL,
  amount_band       INT           NOT NULL,
  payment_count     BIGINT        NOT NULL,
  CONSTRAINT statistic_rent_payment_once UNIQUE (paid_year, paid_month, amount_band)
);

-- What earlier versions "anonymised" in place (identifiers cleared, row kept with its id and exact dates) moves to
-- the statistics now and leaves the source tables: first the payments (those of an anonymised contract too), then
-- the contracts.
UPDATE rent_payment SET contract_id = NULL, payer_iban = NULL, payment_reference = NULL
  WHERE contract_id IN (SELECT id FROM tenancy_contract WHERE anonymised_at IS NOT NULL);
INSERT INTO statistic_rent_payment (paid_year, paid_month, amount_band, payment_count)
  SELECT CAST(EXTRACT(YEAR FROM paid_on) AS INT), CAST(EXTRACT(MONTH FROM paid_on) AS INT),
         CAST(FLOOR(amount / 10) * 10 AS INT), COUNT(*)
  FROM rent_payment WHERE contract_id IS NULL
  GROUP BY CAST(EXTRACT(YEAR FROM paid_on) AS INT), CAST(EXTRACT(MONTH FROM paid_on) AS INT),
           CAST(FLOOR(amount / 10) * 10 AS INT);
DELETE FROM rent_payment WHERE contract_id IS NULL;

INSERT INTO statistic_tenancy (start_year, end_year, birth_decade, rent_band, contract_count)
  SELECT CAST(EXTRACT(YEAR FROM start_date) AS INT), COALESCE(CAST(EXTRACT(YEAR FROM end_date) AS INT), 0),
         0, CAST(FLOOR(monthly_rent / 50) * 50 AS INT), COUNT(*)
  FROM tenancy_contract WHERE anonymised_at IS NOT NULL
  GROUP BY CAST(EXTRACT(YEAR FROM start_date) AS INT), COALESCE(CAST(EXTRACT(YEAR FROM end_date) AS INT), 0),
           CAST(FLOOR(monthly_rent / 50) * 50 AS INT);
DELETE FROM tenancy_contract WHERE anonymised_at IS NOT NULL;
