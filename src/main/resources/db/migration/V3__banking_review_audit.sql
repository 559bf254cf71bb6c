-- The embedded core-banking domain (replaceable by a real core system behind CoreBanking), the review cases
-- that every red request becomes, the tool calls of each turn, and the append-only audit log.

CREATE TABLE customer (
    id                  text PRIMARY KEY,
    name                text        NOT NULL,
    language            text        NOT NULL CHECK (language IN ('zh', 'en')),
    mobile              text        NOT NULL,
    email               text,
    resident_id         text        NOT NULL,
    -- The last change of mobile number, e-mail or password: transfers are capped for 48 hours after it.
    contact_changed_at  timestamptz,
    created_at          timestamptz NOT NULL
);

CREATE TABLE account (
    id            text PRIMARY KEY,            -- the card / account number
    customer_id   text          NOT NULL REFERENCES customer (id),
    product       text          NOT NULL,      -- class_1, class_2, class_3
    currency      text          NOT NULL,
    balance       numeric(18,2) NOT NULL CHECK (balance >= 0),
    single_limit  numeric(18,2) NOT NULL,
    daily_limit   numeric(18,2) NOT NULL,
    opened_at     timestamptz   NOT NULL
);
CREATE INDEX account_customer_idx ON account (customer_id);

CREATE TABLE payee (
    id              uuid PRIMARY KEY,
    customer_id     text        NOT NULL REFERENCES customer (id),
    name            text        NOT NULL,
    account_number  text        NOT NULL,
    bank_name       text        NOT NULL,
    added_at        timestamptz NOT NULL,
    UNIQUE (customer_id, account_number)
);

-- Accounts the bank's fraud team has flagged; a transfer to one is always red.
CREATE TABLE watchlist_entry (
    account_number  text PRIMARY KEY,
    reason          text        NOT NULL,
    listed_at       timestamptz NOT NULL
);

-- Requested transfers. The assistant only ever creates them as pending_review; a reviewer's approval
-- executes them. One request per (customer, idempotency key).
CREATE TABLE transfer (
    id                uuid PRIMARY KEY,
    customer_id       text          NOT NULL REFERENCES customer (id),
    from_account      text          NOT NULL REFERENCES account (id),
    payee_name        text          NOT NULL,
    payee_account     text          NOT NULL,
    amount            numeric(18,2) NOT NULL CHECK (amount > 0),
    currency          text          NOT NULL,
    status            text          NOT NULL CHECK (status IN ('pending_review', 'executed', 'rejected', 'failed')),
    idempotency_key   text          NOT NULL,
    risk_score        int           NOT NULL,
    risk_reasons      text[]        NOT NULL,
    conversation_id   uuid,
    failure_reason    text,
    requested_at      timestamptz   NOT NULL,
    decided_at        timestamptz,
    UNIQUE (customer_id, idempotency_key)
);

-- Booked money movements. A transfer books at most one entry per account, so executing twice is impossible
-- even if everything above the database failed.
CREATE TABLE ledger_entry (
    id                    bigserial PRIMARY KEY,
    account_id            text          NOT NULL REFERENCES account (id),
    booked_at             timestamptz   NOT NULL,
    amount                numeric(18,2) NOT NULL,      -- negative = money out
    balance_after         numeric(18,2) NOT NULL,
    currency              text          NOT NULL,
    counterparty_name     text          NOT NULL,
    counterparty_account  text,
    description           text          NOT NULL,
    category              text          NOT NULL,
    transfer_id           uuid REFERENCES transfer (id),
    UNIQUE (transfer_id, account_id)
);
CREATE INDEX ledger_account_idx ON ledger_entry (account_id, booked_at DESC);

-- Staff who sign in to the console. A member of staff may also bank with us (customer_id): they never
-- review their own cases.
CREATE TABLE staff (
    id           text PRIMARY KEY,
    name         text   NOT NULL,
    roles        text[] NOT NULL,
    customer_id  text REFERENCES customer (id)
);

-- Every red request, and the sampled yellow turns, wait here for a person.
CREATE TABLE review_case (
    id                uuid PRIMARY KEY,
    kind              text        NOT NULL CHECK (kind IN ('transfer', 'alert', 'sample')),
    level             text        NOT NULL CHECK (level IN ('red', 'yellow')),
    status            text        NOT NULL CHECK (status IN ('open', 'approved', 'rejected')),
    reasons           text[]      NOT NULL,
    summary           text        NOT NULL,
    customer_id       text,
    conversation_id   uuid REFERENCES conversation (id),
    message_id        uuid,
    transfer_id       uuid UNIQUE REFERENCES transfer (id),
    created_at        timestamptz NOT NULL,
    due_at            timestamptz NOT NULL,
    decided_at        timestamptz,
    decided_by        text,
    decision_comment  text,
    outcome           text
);
CREATE INDEX review_case_queue_idx ON review_case (status, level, created_at);

-- The risk decision of each assistant turn and the passages it was given (for reviewers).
ALTER TABLE chat_message ADD COLUMN risk_level text CHECK (risk_level IN ('red', 'yellow', 'blue'));
ALTER TABLE chat_message ADD COLUMN risk_reasons text[];
ALTER TABLE chat_message ADD COLUMN sources jsonb;
ALTER TABLE chat_message ADD COLUMN tools text;

-- Assistant messages written by the bank rather than the model (a reviewer's decision) have no turn.
ALTER TABLE chat_message DROP CONSTRAINT chat_message_role_check;
ALTER TABLE chat_message ADD CONSTRAINT chat_message_role_check CHECK (role IN ('customer', 'assistant', 'bank'));

CREATE TABLE tool_call (
    id               uuid PRIMARY KEY,
    conversation_id  uuid        NOT NULL REFERENCES conversation (id),
    message_id       uuid        NOT NULL,       -- the customer message of the turn
    step             int         NOT NULL,
    name             text        NOT NULL,
    arguments        text        NOT NULL,
    result           text,
    risk_level       text        NOT NULL CHECK (risk_level IN ('red', 'yellow', 'blue')),
    risk_reasons     text[]      NOT NULL,
    executed         boolean     NOT NULL,
    created_at       timestamptz NOT NULL
);
CREATE INDEX tool_call_conversation_idx ON tool_call (conversation_id, created_at);

-- Append-only audit log. Each entry carries the hash of the previous one, so a changed or removed entry
-- breaks the chain even for someone who can bypass the trigger.
CREATE TABLE audit_entry (
    seq           bigint PRIMARY KEY,
    at            timestamptz NOT NULL,
    actor         text        NOT NULL,
    action        text        NOT NULL,
    subject_type  text        NOT NULL,
    subject_id    text        NOT NULL,
    detail        text        NOT NULL,     -- JSON, kept as the exact text that was hashed
    prev_hash     text        NOT NULL,
    hash          text        NOT NULL
);
CREATE INDEX audit_subject_idx ON audit_entry (subject_type, subject_id, seq);

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();

-- When the demo bank was seeded: its "recent" patterns (a contact change yesterday, transfers in the last
-- hour) are recent relative to this moment.
CREATE TABLE demo_seed (
    seeded_at  timestamptz NOT NULL
);
