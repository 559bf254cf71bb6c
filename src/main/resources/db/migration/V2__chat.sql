-- Conversations and their messages. A customer's message is stored before any model is called.
CREATE TABLE conversation (
    id              uuid PRIMARY KEY,
    customer_id     text,
    channel         text        NOT NULL,
    language        text        NOT NULL CHECK (language IN ('zh', 'en')),
    state           text        NOT NULL CHECK (state IN ('active', 'handed_off')),
    failed_answers  int         NOT NULL DEFAULT 0,
    -- A summary of the customer's previous conversation on another channel, carried into this one.
    carried_summary text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX conversation_customer_idx ON conversation (customer_id, updated_at DESC);
CREATE INDEX conversation_state_idx ON conversation (state, updated_at DESC);

CREATE TABLE chat_message (
    id               uuid PRIMARY KEY,
    conversation_id  uuid        NOT NULL REFERENCES conversation (id),
    seq              int         NOT NULL,
    role             text        NOT NULL CHECK (role IN ('customer', 'assistant')),
    content          text        NOT NULL,
    language         text        NOT NULL,
    created_at       timestamptz NOT NULL,
    -- Assistant messages only: what the answer rests on and what made it.
    intent           text,
    citations        jsonb,
    model            text,
    prompts          text,
    input_tokens     int,
    output_tokens    int,
    latency_ms       int,
    UNIQUE (conversation_id, seq)
);
