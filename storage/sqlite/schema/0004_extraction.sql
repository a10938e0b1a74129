-- 0004_extraction: what automatic event extraction did, so that it can be redone (`kb extract`)
-- and undone (`kb import --undo`) without touching hand edits, and so that `kb show` can tell
-- how an event's date came to be what it is.

-- Each citation an extraction of a source added, and whether that extraction created the event.
CREATE TABLE extraction_citation (
  citation_id INTEGER PRIMARY KEY REFERENCES citation (citation_id) ON DELETE CASCADE,
  source_id INTEGER NOT NULL REFERENCES source (source_id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL REFERENCES event (event_id) ON DELETE CASCADE,
  created_event INTEGER NOT NULL DEFAULT 0  -- 1 when this extraction inserted the event
);
CREATE INDEX extraction_citation_source ON extraction_citation (source_id);
CREATE INDEX extraction_citation_event ON extraction_citation (event_id);

-- Date refinements ("2014" -> "18 March 2014") and conflicting dates seen by extraction.
CREATE TABLE event_date_history (
  history_id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES event (event_id) ON DELETE CASCADE,
  change TEXT NOT NULL CHECK (change IN ('refined', 'disputed')),
  old_timex TEXT NOT NULL,                 -- the date before (refined) / the date kept (disputed)
  old_modifier TEXT NOT NULL DEFAULT 'none',
  old_text TEXT NOT NULL DEFAULT '',
  old_status TEXT NOT NULL DEFAULT 'reported',  -- the status before, restored on undo
  new_timex TEXT NOT NULL,                 -- the date the source gave
  new_modifier TEXT NOT NULL DEFAULT 'none',
  new_text TEXT NOT NULL DEFAULT '',
  source_id INTEGER REFERENCES source (source_id) ON DELETE CASCADE,  -- who gave the new date
  quote TEXT NOT NULL DEFAULT '',
  recorded_at TEXT NOT NULL                -- ISO 8601 UTC
);
CREATE INDEX event_date_history_event ON event_date_history (event_id);
CREATE INDEX event_date_history_source ON event_date_history (source_id);
