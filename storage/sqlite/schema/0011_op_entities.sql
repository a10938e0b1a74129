-- 0011_op_entities: entity commands in the operation log (issue #11). `kb entity add`, `alias`
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
  PRIMARY KEY (op_id, entity_id)
) WITHOUT ROWID;
