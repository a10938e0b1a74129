-- 0009_claimant: who claims a claimed event (issue #17, item 3). "The Ukrainian General Staff
-- reported that Russian forces captured Mayorsk" is an event tagged `claimed` whose claimant is
-- the General Staff's side; the role joins actor, target, location and mentioned. SQLite cannot
-- widen a CHECK constraint in place: the table is rebuilt (nothing references it, no trigger
-- reads it) with its rows, key and index.
CREATE TABLE event_entity_new (
  event_id INTEGER NOT NULL REFERENCES event (event_id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL REFERENCES entity (entity_id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('actor', 'target', 'location', 'mentioned', 'claimant')),
  PRIMARY KEY (event_id, entity_id, role)
) WITHOUT ROWID;
INSERT INTO event_entity_new (event_id, entity_id, role)
  SELECT event_id, entity_id, role FROM event_entity;
DROP TABLE event_entity;
ALTER TABLE event_entity_new RENAME TO event_entity;
CREATE INDEX event_entity_entity ON event_entity (entity_id, event_id);
