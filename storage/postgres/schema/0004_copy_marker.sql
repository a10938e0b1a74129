-- 0004_copy_marker: as SQLite's schema 16. kb copy writes a knowledge base a slice at a time,
-- each slice one transaction (issue #16); this one row says which source the copy reads, what
-- that source held (its highest numbers) and how far the copy got, so that running kb copy
-- again after an interruption goes on from there; a finished copy deletes it. While the row is
-- there the revision triggers of 0002 stand still: a copy writes each event's revision as the
-- source has it, which the copy's own writes would otherwise raise.
CREATE TABLE copy_marker (
  one integer PRIMARY KEY CHECK (one = 1),
  source ctext NOT NULL,
  fingerprint ctext NOT NULL,
  pass ctext NOT NULL,
  last_key bigint NOT NULL
);
-- The trigger functions read the table with the rights of whoever writes an event, so kb's roles
-- (when `kb admin init` made them before this migration) may read it; editors write it in kb
-- copy. GRANT ... ON ALL TABLES in kb admin init covers it otherwise.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kb_reader') THEN
    GRANT SELECT ON copy_marker TO kb_reader;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kb_editor') THEN
    GRANT SELECT, INSERT, UPDATE, DELETE ON copy_marker TO kb_editor;
  END IF;
END $$;

CREATE OR REPLACE FUNCTION kb_event_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() = 1 AND NEW.revision = OLD.revision
     AND NOT EXISTS (SELECT 1 FROM copy_marker) THEN
    NEW.revision := OLD.revision + 1;
  END IF;
  RETURN NEW;
END $$;
CREATE OR REPLACE FUNCTION kb_child_revision() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rec record;
BEGIN
  IF EXISTS (SELECT 1 FROM copy_marker) THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    rec := NEW;
  ELSE
    rec := OLD;
  END IF;
  IF TG_TABLE_NAME = 'link' THEN
    UPDATE event SET revision = revision + 1 WHERE event_id IN (rec.from_event, rec.to_event);
  ELSE
    UPDATE event SET revision = revision + 1 WHERE event_id = rec.event_id;
  END IF;
  RETURN NULL;
END $$;
