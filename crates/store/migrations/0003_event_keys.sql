-- Events are looked up by key prefix (same fact, nearby month) when undated reports are merged.
CREATE INDEX events_key ON events (key);
