-- 0013_extraction_role: the roles each extraction of a source gave an event (issue #11). An
-- extraction that merges into an existing event adds its actors, targets and places to it;
-- without this record, undoing or redoing that extraction left them behind. A role is recorded
-- only when the extraction added it or another extraction's record already supports it, so a
-- role an analyst or a record import gave is never taken away; undoing an extraction removes
-- the roles no other extraction of another source still supports.
CREATE TABLE extraction_role (
  source_id INTEGER NOT NULL REFERENCES source (source_id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL REFERENCES event (event_id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL REFERENCES entity (entity_id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  PRIMARY KEY (event_id, entity_id, role, source_id)
) WITHOUT ROWID;
CREATE INDEX extraction_role_source ON extraction_role (source_id);
