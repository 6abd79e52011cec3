-- SLO definitions are append-only versioned rows; the current definition of an SLO is
-- argMax(column, version) grouped by slo_id, and a deleted SLO has deleted = 1 in its latest row.
CREATE TABLE IF NOT EXISTS slo_definitions
(
    slo_id               String,
    version              UInt64,
    name                 String,
    service_name         String,
    objective            Float64,
    window_seconds       UInt32,
    burn_rate_threshold  Float64,
    webhook_url          String,
    deleted              UInt8,
    updated_at           DateTime
)
ENGINE = MergeTree
ORDER BY (slo_id, version)
