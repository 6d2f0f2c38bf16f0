-- Failed attempts per username or source address, in fixed windows (throttling).
-- Keys are usernames and IP addresses, not secrets; rows live until their window closes and a sweep removes them.
CREATE TABLE failure_counters (
    counter_key text PRIMARY KEY,
    failures integer NOT NULL CHECK (failures > 0),
    window_ends timestamptz NOT NULL
);

CREATE INDEX failure_counters_window_ends ON failure_counters (window_ends);
