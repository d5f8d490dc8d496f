-- Engine state. Placeholders in braces are replaced per provider (see SqlDialect.TypeNames):
-- {money} decimal to 4 places, {instant} a UTC instant, {month} the first day of a month, {identity} an auto id.

CREATE TABLE tenant_users (
    tenant      TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    licenses    TEXT NOT NULL,
    dial_out    TEXT NOT NULL,
    pin         TEXT NULL,
    PRIMARY KEY (tenant, user_id)
);

CREATE TABLE meetings (
    tenant          TEXT NOT NULL,
    id              TEXT NOT NULL,
    organizer_id    TEXT NOT NULL,
    subject         TEXT NOT NULL,
    start_at        {instant} NOT NULL,
    end_at          {instant} NOT NULL,
    conference_id   TEXT NULL,
    lobby_bypass    TEXT NOT NULL,
    dial_in_bypass  INTEGER NOT NULL,
    ended_at        {instant} NULL,
    PRIMARY KEY (tenant, id)
);

CREATE TABLE legs (
    id              TEXT PRIMARY KEY,
    tenant          TEXT NOT NULL,
    meeting_id      TEXT NOT NULL,
    participant_id  TEXT NOT NULL,
    kind            TEXT NOT NULL,
    requested_by    TEXT NULL,
    billed_user     TEXT NOT NULL,
    from_number     TEXT NOT NULL,
    to_number       TEXT NOT NULL,
    region          TEXT NOT NULL,
    state           TEXT NOT NULL,
    created_at      {instant} NOT NULL,
    connected_at    {instant} NULL,
    ended_at        {instant} NULL,
    minutes_paid    INTEGER NOT NULL,
    segments        TEXT NOT NULL
);
CREATE INDEX ix_legs_tenant_state ON legs (tenant, state);

-- One row per paid minute of a leg: the primary key is the exactly-once guarantee.
CREATE TABLE leg_minutes (
    leg_id          TEXT NOT NULL,
    minute_index    INTEGER NOT NULL,
    tenant          TEXT NOT NULL,
    month           {month} NOT NULL,
    capability      TEXT NOT NULL,
    charge          {money} NOT NULL,
    start_at        {instant} NOT NULL,
    PRIMARY KEY (leg_id, minute_index)
);

CREATE TABLE pool_usage (
    tenant      TEXT NOT NULL,
    month       {month} NOT NULL,
    capability  TEXT NOT NULL,
    used        INTEGER NOT NULL,
    PRIMARY KEY (tenant, month, capability),
    CHECK (used >= 0)
);

CREATE TABLE credit_purchases (
    id              TEXT PRIMARY KEY,
    tenant          TEXT NOT NULL,
    amount          {money} NOT NULL,
    remaining       {money} NOT NULL,
    purchased_at    {instant} NOT NULL,
    expires_at      {instant} NOT NULL,
    is_auto         INTEGER NOT NULL,
    forfeited       {money} NOT NULL,
    CHECK (remaining >= 0)
);
CREATE INDEX ix_credit_purchases_tenant ON credit_purchases (tenant, expires_at);

CREATE TABLE credit_ledger (
    seq             {identity},
    tenant          TEXT NOT NULL,
    at              {instant} NOT NULL,
    kind            TEXT NOT NULL,
    amount          {money} NOT NULL,
    balance_after   {money} NOT NULL,
    description     TEXT NOT NULL
);
CREATE INDEX ix_credit_ledger_tenant ON credit_ledger (tenant, at);

CREATE TABLE auto_recharge (
    tenant      TEXT PRIMARY KEY,
    enabled     INTEGER NOT NULL,
    threshold   {money} NOT NULL,
    amount      {money} NOT NULL
);

CREATE TABLE usage_records (
    id                  TEXT PRIMARY KEY,
    call_id             TEXT NOT NULL,
    tenant              TEXT NOT NULL,
    user_id             TEXT NOT NULL,
    user_display_name   TEXT NOT NULL,
    user_upn            TEXT NOT NULL,
    call_type           TEXT NOT NULL,
    from_number         TEXT NOT NULL,
    to_number           TEXT NOT NULL,
    region              TEXT NOT NULL,
    start_at            {instant} NOT NULL,
    duration_seconds    INTEGER NOT NULL,
    charge              {money} NOT NULL,
    currency            TEXT NOT NULL,
    capability          TEXT NOT NULL
);
CREATE INDEX ix_usage_records_tenant ON usage_records (tenant, start_at);
