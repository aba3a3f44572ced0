-- Self-test runs: each POST /admin/self-test records here which wires of a Hozon node
-- (database, object store, archive queue) were proven to work, and when.
-- Portable SQL: runs unchanged on PostgreSQL and H2.
CREATE TABLE self_test_run (
    id                  VARCHAR(36)                 NOT NULL,
    node                VARCHAR(255)                NOT NULL,
    started_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    object_key          VARCHAR(1024)               NOT NULL,
    object_verified     BOOLEAN                     NOT NULL,
    message_received_at TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT pk_self_test_run PRIMARY KEY (id)
);

CREATE INDEX ix_self_test_run_started_at ON self_test_run (started_at);
