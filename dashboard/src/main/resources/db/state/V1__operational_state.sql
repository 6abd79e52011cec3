-- Operational state of the dashboard (DESIGN.md decision 9): everything that needs transactions.
-- Runs unchanged on H2 2.x (in PostgreSQL mode) and PostgreSQL 15: standard types only, times as
-- TIMESTAMP WITH TIME ZONE, enum-like columns as VARCHAR with a CHECK listing the Java enum's names.

-- SLO definitions: the current version per id, and every version ever written (history).
CREATE TABLE slo_definitions (
    id                  VARCHAR(64)      NOT NULL PRIMARY KEY,
    version             BIGINT           NOT NULL,
    name                VARCHAR(200)     NOT NULL,
    service             VARCHAR(200)     NOT NULL,
    objective           DOUBLE PRECISION NOT NULL,
    window_seconds      BIGINT           NOT NULL,
    burn_rate_threshold DOUBLE PRECISION NOT NULL,
    webhook_url         VARCHAR(2000)    NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted             BOOLEAN          NOT NULL
);

CREATE TABLE slo_definition_versions (
    id                  VARCHAR(64)      NOT NULL,
    version             BIGINT           NOT NULL,
    name                VARCHAR(200)     NOT NULL,
    service             VARCHAR(200)     NOT NULL,
    objective           DOUBLE PRECISION NOT NULL,
    window_seconds      BIGINT           NOT NULL,
    burn_rate_threshold DOUBLE PRECISION NOT NULL,
    webhook_url         VARCHAR(2000)    NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted             BOOLEAN          NOT NULL,
    PRIMARY KEY (id, version)
);

-- One-off data migrations that must run exactly once per store (e.g. the carry-over of the SLO
-- definitions that lived in ClickHouse before this store existed).
CREATE TABLE state_migrations (
    name       VARCHAR(100) NOT NULL PRIMARY KEY,
    applied_at TIMESTAMP WITH TIME ZONE NOT NULL,
    detail     VARCHAR(500) NOT NULL
);

-- Notification channels (webhook, Slack, PagerDuty, Alertmanager-compatible). The secret part of a
-- channel (token in the URL, routing key, HMAC secret) is in its own column so that it can be kept
-- out of every listing.
CREATE TABLE channels (
    id         VARCHAR(64)   NOT NULL PRIMARY KEY,
    name       VARCHAR(200)  NOT NULL,
    kind       VARCHAR(32)   NOT NULL,
    endpoint   VARCHAR(2000) NOT NULL,
    secret     VARCHAR(2000) NOT NULL,
    settings   VARCHAR(10000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Alert rules: an SLO burn-rate policy or a metric threshold rule, with its routing labels.
CREATE TABLE alert_rules (
    id         VARCHAR(64)    NOT NULL PRIMARY KEY,
    version    BIGINT         NOT NULL,
    kind       VARCHAR(32)    NOT NULL,
    name       VARCHAR(200)   NOT NULL,
    slo_id     VARCHAR(64),
    definition VARCHAR(10000) NOT NULL,
    labels     VARCHAR(2000)  NOT NULL,
    enabled    BOOLEAN        NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Silences: label matchers that mute notifications until they expire.
CREATE TABLE silences (
    id         VARCHAR(64)   NOT NULL PRIMARY KEY,
    matchers   VARCHAR(2000) NOT NULL,
    comment    VARCHAR(2000) NOT NULL,
    created_by VARCHAR(200)  NOT NULL,
    starts_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Current state of every alert (one per SLO today; rule_id distinguishes several per SLO later).
CREATE TABLE alert_states (
    alert_key      VARCHAR(200) NOT NULL PRIMARY KEY,
    slo_id         VARCHAR(64)  NOT NULL,
    state          VARCHAR(16)  NOT NULL CHECK (state IN ('OK', 'FIRING', 'RESOLVED')),
    incident_start TIMESTAMP WITH TIME ZONE,
    changed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT       NOT NULL
);

-- The notification outbox: written in the same transaction as the alert state change it
-- announces; the delivery worker sends what is due. idempotency_key is fixed at insert and sent
-- with every attempt, so receivers can drop repeats.
CREATE TABLE notification_outbox (
    id              VARCHAR(64)    NOT NULL PRIMARY KEY,
    idempotency_key VARCHAR(300)   NOT NULL UNIQUE,
    alert_event_id  VARCHAR(64)    NOT NULL,
    channel         VARCHAR(32)    NOT NULL,
    endpoint        VARCHAR(2000)  NOT NULL,
    payload         VARCHAR(20000) NOT NULL,
    status          VARCHAR(16)    NOT NULL
        CHECK (status IN ('PENDING', 'RETRYING', 'DELIVERED', 'DEAD')),
    attempts        INTEGER        NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(500)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX notification_outbox_due ON notification_outbox (status, next_attempt_at);

-- Every delivery attempt: what the delivery log shows.
CREATE TABLE delivery_attempts (
    outbox_id   VARCHAR(64)  NOT NULL,
    attempt     INTEGER      NOT NULL,
    attempted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    status_code INTEGER      NOT NULL,
    latency_ms  BIGINT       NOT NULL,
    outcome     VARCHAR(16)  NOT NULL CHECK (outcome IN ('DELIVERED', 'RETRYING', 'DEAD')),
    error       VARCHAR(500) NOT NULL,
    PRIMARY KEY (outbox_id, attempt)
);

-- The evaluator lease: one row; the process whose holder id is in it (and not expired) evaluates
-- and delivers. Taken with a conditional UPDATE in a transaction (works on H2 and PostgreSQL).
CREATE TABLE evaluator_lease (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    holder     VARCHAR(200) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO evaluator_lease (name, holder, expires_at)
VALUES ('evaluator', '', TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
