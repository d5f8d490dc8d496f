-- Tenant settings an admin changed (null columns: never set, the seed's value applies): the orphaned-leg policy and the
-- toll-fraud guardrails (default monthly dial-out budget, approval rule for dial-outs outside Zone A or above a rate).
CREATE TABLE tenant_settings (
    tenant                      TEXT PRIMARY KEY,
    orphan_action               TEXT NULL,
    orphan_end_after_minutes    INTEGER NULL,
    guardrails_set              INTEGER NOT NULL DEFAULT 0,
    budget_minutes              INTEGER NULL,
    budget_money                {money} NULL,
    approval_outside_zone_a     INTEGER NOT NULL DEFAULT 0,
    approval_above_rate         {money} NULL,
    approval_expiry_minutes     INTEGER NOT NULL DEFAULT 10
);

-- A user's own monthly dial-out budget (null limit: none); no row: the tenant default.
CREATE TABLE user_budgets (
    tenant      TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    minutes     INTEGER NULL,
    money       {money} NULL,
    PRIMARY KEY (tenant, user_id),
    CHECK (minutes IS NULL OR minutes >= 0),
    CHECK (money IS NULL OR money >= 0)
);

-- Dial-outs held for the organizer's approval, as requested and as decided.
CREATE TABLE dial_out_approvals (
    id              TEXT PRIMARY KEY,
    tenant          TEXT NOT NULL,
    meeting_id      TEXT NOT NULL,
    requester_id    TEXT NOT NULL,
    requester_name  TEXT NOT NULL,
    organizer_id    TEXT NOT NULL,
    organizer_name  TEXT NOT NULL,
    kind            TEXT NOT NULL,
    number          TEXT NOT NULL,
    region          TEXT NOT NULL,
    rate            {money} NOT NULL,
    currency        TEXT NOT NULL,
    reason          TEXT NOT NULL,
    requested_at    {instant} NOT NULL,
    expires_at      {instant} NOT NULL,
    status          TEXT NOT NULL,
    decided_at      {instant} NULL,
    decided_by      TEXT NULL,
    leg_id          TEXT NULL,
    call_refusal    TEXT NULL
);
CREATE INDEX ix_dial_out_approvals_tenant ON dial_out_approvals (tenant, status, requested_at);
