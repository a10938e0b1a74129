-- 0010_op_records: imports in the operation log (issue #11). A logged `kb import` of a
-- colleague's kb JSON, or a `kb add` that names a new actor, creates entities and sources beside
-- its events; `kb undo` removes them again when nothing else has come to use them, so an undo
-- gives back the knowledge base exactly as it was. An article import is logged by its run:
-- `kb undo` then undoes the run as `kb import --undo` does.
ALTER TABLE op ADD COLUMN import_id INTEGER REFERENCES import_run (import_id);
-- An event's date refinements and disputes before the operation (a JSON array), so that undoing
-- an import or a `kb extract` gives back its date history too; NULL where not recorded.
ALTER TABLE op_event ADD COLUMN history TEXT;
-- The entities an import's extraction created (NULL: an analyst's, or from before this): undoing
-- the import removes those nothing uses any more.
ALTER TABLE entity ADD COLUMN import_id INTEGER REFERENCES import_run (import_id);
CREATE TABLE op_record (
  op_id INTEGER NOT NULL REFERENCES op (op_id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('entity', 'source')),
  record_id INTEGER NOT NULL,  -- the local number (the record may be gone since)
  PRIMARY KEY (op_id, kind, record_id)
) WITHOUT ROWID;
