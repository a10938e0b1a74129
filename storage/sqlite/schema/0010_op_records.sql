-- 0010_op_records: the entities and sources an operation created (issue #11). A logged
-- `kb import` of a colleague's kb JSON, or a `kb add` that names a new actor, creates them
-- beside its events; `kb undo` removes them again when nothing else has come to use them, so
-- an undo gives back the knowledge base exactly as it was.
CREATE TABLE op_record (
  op_id INTEGER NOT NULL REFERENCES op (op_id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('entity', 'source')),
  record_id INTEGER NOT NULL,  -- the local number (the record may be gone since)
  PRIMARY KEY (op_id, kind, record_id)
) WITHOUT ROWID;
