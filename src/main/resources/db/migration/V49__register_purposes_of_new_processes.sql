-- The register of processing (issue 20, ROP-1) names every deployed process: the processes of issues 17-19 join it.
-- Portable SQL for H2 and PostgreSQL.
UPDATE purpose SET process_keys = process_keys || ',privacy-complaint'
  WHERE code = 'PRIVACY_RIGHTS';

INSERT INTO purpose (code, name_nl, name_en, legal_basis, basis_note, subject_categories, data_categories,
    source_systems, process_keys, retention, compatibility_test_ref, statement_version, created_at) VALUES
 ('DATA_BREACH', 'Melden en registreren van datalekken', 'Notifying and registering personal data breaches',
  'LEGAL_OBLIGATION', 'Art 6 lid 1 sub c AVG (art 33 en 34 AVG)', 'Huurders, woningzoekenden, medewerkers',
  'CONTACT,NAME,TENANCY', 'tenancy', 'data-breach', '2 jaar na afsluiten (register van datalekken)', NULL, '2025-01',
  TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+01:00'),
 ('COMPELLED_DISCLOSURE', 'Verstrekken op grond van een wettelijke vordering', 'Disclosure under a statutory demand',
  'LEGAL_OBLIGATION', 'Art 6 lid 1 sub c AVG; de wettelijke grondslag van de vordering (o.a. art 126nd Sv)',
  'Huurders, bewoners', 'CONTACT,NAME,ADDRESS,TENANCY', 'tenancy', 'disclosure-demand',
  '2 jaar na verstrekking (register van verstrekkingen)', NULL, '2025-01',
  TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+01:00'),
 ('RETENTION', 'Bewaren en vernietigen volgens de bewaartermijnen', 'Keeping and destroying data by the retention schedule',
  'LEGAL_OBLIGATION', 'Art 6 lid 1 sub c AVG (art 5 lid 1 sub e en lid 2 AVG; art 52 AWR)', 'Alle betrokkenen',
  'ALL_CATEGORIES', 'tenancy', 'retention-sweep', 'Vernietigingsverklaring 10 jaar; geanonimiseerde statistiek blijvend',
  NULL, '2025-01', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+01:00');
