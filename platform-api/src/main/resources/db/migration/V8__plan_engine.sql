-- Plan engine: a coach may say why they rejected a proposal (shown on the proposal's history).
ALTER TABLE adjustment_proposals ADD COLUMN decision_note varchar(1000);
