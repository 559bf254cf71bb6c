-- Evaluation runs started over REST (engineer role), with their reports.
CREATE TABLE eval_run (
    id            uuid PRIMARY KEY,
    status        text        NOT NULL CHECK (status IN ('running', 'passed', 'failed', 'error')),
    requested_by  text        NOT NULL,
    suites        text[]      NOT NULL,
    repeat        int         NOT NULL,
    concurrency   int         NOT NULL,
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz,
    target        text,
    model         text,
    pass_rate     double precision,
    error         text,
    report        jsonb,
    markdown      text,
    html          text
);
CREATE INDEX eval_run_started_idx ON eval_run (started_at DESC);
