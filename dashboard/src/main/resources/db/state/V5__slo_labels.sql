-- Issue 7: an SLO's own labels (e.g. team=payments), routed and silenced with its alerts.
-- Stored one name=value per line. Numbered apart from other branches' migrations (V4...) so that
-- merges do not collide; Flyway only needs the numbers to increase.
ALTER TABLE slo_definitions ADD COLUMN labels VARCHAR(4000) DEFAULT '' NOT NULL;
ALTER TABLE slo_definition_versions ADD COLUMN labels VARCHAR(4000) DEFAULT '' NOT NULL;
