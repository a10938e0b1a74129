-- 0011_op_entities: entity commands and import undos in the operation log (issue #11). `kb entity add`, `alias`
-- and `merge`, and the aliases a colleague's kb JSON adds to entities already here, are undone
-- by `kb undo` like event commands: each entity an operation changed is kept as it was before
-- and after (a kb JSON document holding that one entity), so a merge's dropped entity comes
-- back with its number, permanent id and aliases, and the kept one loses the aliases it gained.
CREATE TABLE op_entity (
  op_id INTEGER NOT NULL REFERENCES op (op_id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL,  -- the local number (the entity may be gone since)
  entity_uuid TEXT NOT NULL,
  before TEXT,  -- NULL: the operation created it
  after TEXT,   -- NULL: the operation deleted it (merged it into another)
  import_id INTEGER,  -- the import run that created it, before (kb JSON does not carry it)
  PRIMARY KEY (op_id, entity_id)
) WITHOUT ROWID;
-- `kb import --undo N` of a run that is not the newest operation deletes the run's sources
-- (with their text), the events only they supported and the entities only they used: it is
-- logged with each of them as it was, so `kb undo` puts the run back.
CREATE TABLE op_source (
  op_id INTEGER NOT NULL REFERENCES op (op_id) ON DELETE CASCADE,
  source_id INTEGER NOT NULL,
  source_uuid TEXT NOT NULL,
  before TEXT,  -- kb JSON holding the source, body included; NULL: created
  after TEXT,   -- NULL: deleted
  import_id INTEGER,  -- the import run that added it, before
  PRIMARY KEY (op_id, source_id)
) WITHOUT ROWID;
ALTER TABLE op ADD COLUMN undid_import INTEGER REFERENCES import_run (import_id);
