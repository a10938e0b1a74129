-- 0003_import_log: which file was imported when and what it created, so that
-- `kb import --undo ID` removes exactly that: the sources an import added (their citations go
-- with them) and the events that no remaining source supports.

CREATE TABLE import_run (
  import_id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,   -- ISO 8601 UTC
  finished_at TEXT,           -- NULL while running or if it was interrupted
  inputs TEXT NOT NULL,       -- the paths as given, one per line
  articles INTEGER NOT NULL DEFAULT 0,   -- articles read
  added INTEGER NOT NULL DEFAULT 0,      -- new sources stored
  unchanged INTEGER NOT NULL DEFAULT 0,  -- already in the knowledge base (same content hash)
  failed INTEGER NOT NULL DEFAULT 0,     -- articles or files that could not be stored
  events INTEGER NOT NULL DEFAULT 0,     -- events created or cited
  undone_at TEXT              -- set by `kb import --undo`
);

CREATE TABLE import_warning (
  import_id INTEGER NOT NULL REFERENCES import_run (import_id) ON DELETE CASCADE,
  origin TEXT NOT NULL,   -- file (and line)
  message TEXT NOT NULL
);
CREATE INDEX import_warning_run ON import_warning (import_id);

ALTER TABLE source ADD COLUMN import_id INTEGER REFERENCES import_run (import_id);
ALTER TABLE event ADD COLUMN import_id INTEGER REFERENCES import_run (import_id);
CREATE INDEX source_import ON source (import_id);
CREATE INDEX event_import ON event (import_id);
