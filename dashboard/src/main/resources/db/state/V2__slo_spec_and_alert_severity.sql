-- Issue 7, the SLO engine: SLO definitions gain what the SLI measures, their window and their
-- alert guard; alert states become one row per SLO AND severity (page, ticket).
-- Runs unchanged on H2 2.x (PostgreSQL mode) and PostgreSQL 15; one column per statement.

-- Existing definitions were availability SLOs of a whole service: that is the default. Windows
-- other than 7 and 28 days (30 days, and the old 1 h and 1 d) become the 30-day rolling window.
ALTER TABLE slo_definitions ADD COLUMN indicator VARCHAR(16) DEFAULT 'availability' NOT NULL;
ALTER TABLE slo_definitions ADD COLUMN latency_threshold_ms BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE slo_definitions ADD COLUMN operations VARCHAR(10000) DEFAULT '' NOT NULL;
ALTER TABLE slo_definitions ADD COLUMN window_spec VARCHAR(8) DEFAULT '30d' NOT NULL;
ALTER TABLE slo_definitions ADD COLUMN minimum_events DOUBLE PRECISION DEFAULT 10 NOT NULL;
ALTER TABLE slo_definitions ADD COLUMN origin VARCHAR(500) DEFAULT '' NOT NULL;

ALTER TABLE slo_definition_versions ADD COLUMN indicator VARCHAR(16) DEFAULT 'availability' NOT NULL;
ALTER TABLE slo_definition_versions ADD COLUMN latency_threshold_ms BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE slo_definition_versions ADD COLUMN operations VARCHAR(10000) DEFAULT '' NOT NULL;
ALTER TABLE slo_definition_versions ADD COLUMN window_spec VARCHAR(8) DEFAULT '30d' NOT NULL;
ALTER TABLE slo_definition_versions ADD COLUMN minimum_events DOUBLE PRECISION DEFAULT 10 NOT NULL;
ALTER TABLE slo_definition_versions ADD COLUMN origin VARCHAR(500) DEFAULT '' NOT NULL;

UPDATE slo_definitions SET window_spec = '7d' WHERE window_seconds = 604800;
UPDATE slo_definitions SET window_spec = '28d' WHERE window_seconds = 2419200;
UPDATE slo_definition_versions SET window_spec = '7d' WHERE window_seconds = 604800;
UPDATE slo_definition_versions SET window_spec = '28d' WHERE window_seconds = 2419200;

-- The single-threshold alert of an SLO becomes its page alert (it paged on a fast burn).
ALTER TABLE alert_states ADD COLUMN severity VARCHAR(16) DEFAULT 'PAGE' NOT NULL;
ALTER TABLE alert_states ADD CONSTRAINT alert_states_severity CHECK (severity IN ('PAGE', 'TICKET'));
UPDATE alert_states SET alert_key = alert_key || ':page';
