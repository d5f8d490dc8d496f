-- The audit log: every admin action and every dial-out attempt, refusals too (toll fraud is the risk of dial-out).
CREATE TABLE audit_log (
    seq         {identity},
    tenant      TEXT NOT NULL,
    at          {instant} NOT NULL,
    actor_id    TEXT NOT NULL,
    action      TEXT NOT NULL,
    target      TEXT NOT NULL,
    outcome     TEXT NOT NULL
);
CREATE INDEX ix_audit_log_tenant ON audit_log (tenant, at);
