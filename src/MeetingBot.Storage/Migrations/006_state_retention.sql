-- When each bot state document was last written or read (at most once a day per key and host): what retention
-- purges by. Rows from before this script have none until their first purge pass starts their clock.
ALTER TABLE conversation_state ADD COLUMN touched_at {instant} NULL;
CREATE INDEX ix_conversation_state_touched_at ON conversation_state (touched_at);
