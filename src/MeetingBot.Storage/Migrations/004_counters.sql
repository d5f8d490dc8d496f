-- Sequences shared by every host on the database: meeting numbers (the ids people type, e.g. "join 12").
-- Started past the meetings stored before this script, so no number is handed out twice.
CREATE TABLE counters (
    name    TEXT PRIMARY KEY,
    value   BIGINT NOT NULL
);
INSERT INTO counters (name, value) SELECT 'meeting', COALESCE(MAX(CAST(id AS BIGINT)), 0) FROM meetings;
