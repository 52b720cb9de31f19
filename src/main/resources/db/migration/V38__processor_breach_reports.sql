-- A processor's breach report (issue 18 item 1, PRC-2): linked to its agreement in the processor register, with the
-- notice period that applied and the follow-up when the processor was late.
ALTER TABLE breach ADD COLUMN agreement_reference VARCHAR(20);
ALTER TABLE breach ADD COLUMN processor_notice_hours INTEGER;
ALTER TABLE breach ADD COLUMN processor_reported_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE breach ADD COLUMN follow_up_owner VARCHAR(64);
