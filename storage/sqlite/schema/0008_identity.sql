-- 0008_identity: an analyst's work is never lost (issue #11). Every event, entity and source
-- gets a permanent id (a random UUID v4, text) beside its local number; local numbers are
-- never given out twice (a high-water mark per table, like AUTOINCREMENT's sqlite_sequence,
-- which the store reads when it inserts); and an event an analyst changed is marked curated,
-- so that re-extraction and `kb import --undo` leave it alone.
--
-- UUIDs come from SQLite's randomblob(), a ChaCha20 stream seeded from the operating system
-- (/dev/urandom), for existing rows here and for new ones through the *_new_uuid triggers;
-- restores and merges may insert a row with its uuid given.

CREATE TABLE id_sequence (
  name TEXT PRIMARY KEY,    -- 'event', 'entity', 'source'
  last_id INTEGER NOT NULL  -- the highest local number ever given out in that table
) WITHOUT ROWID;
INSERT INTO id_sequence (name, last_id) VALUES
  ('event', coalesce((SELECT max(event_id) FROM event), 0)),
  ('entity', coalesce((SELECT max(entity_id) FROM entity), 0)),
  ('source', coalesce((SELECT max(source_id) FROM source), 0));

CREATE TRIGGER event_id_sequence AFTER INSERT ON event BEGIN
  UPDATE id_sequence SET last_id = NEW.event_id WHERE name = 'event' AND last_id < NEW.event_id;
END;
CREATE TRIGGER entity_id_sequence AFTER INSERT ON entity BEGIN
  UPDATE id_sequence SET last_id = NEW.entity_id WHERE name = 'entity' AND last_id < NEW.entity_id;
END;
CREATE TRIGGER source_id_sequence AFTER INSERT ON source BEGIN
  UPDATE id_sequence SET last_id = NEW.source_id WHERE name = 'source' AND last_id < NEW.source_id;
END;

-- The permanent ids: lower-case 8-4-4-4-12 hex, version 4, variant 10xx.
ALTER TABLE event ADD COLUMN uuid TEXT;
ALTER TABLE entity ADD COLUMN uuid TEXT;
ALTER TABLE source ADD COLUMN uuid TEXT;
UPDATE event SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
    substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) ||
    substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
UPDATE entity SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
    substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) ||
    substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
UPDATE source SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
    substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) ||
    substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE UNIQUE INDEX event_uuid ON event (uuid);
CREATE UNIQUE INDEX entity_uuid ON entity (uuid);
CREATE UNIQUE INDEX source_uuid ON source (uuid);

CREATE TRIGGER event_new_uuid AFTER INSERT ON event WHEN NEW.uuid IS NULL BEGIN
  UPDATE event SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
      substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) ||
      substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
  WHERE event_id = NEW.event_id;
END;
CREATE TRIGGER entity_new_uuid AFTER INSERT ON entity WHEN NEW.uuid IS NULL BEGIN
  UPDATE entity SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
      substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) ||
      substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
  WHERE entity_id = NEW.entity_id;
END;
CREATE TRIGGER source_new_uuid AFTER INSERT ON source WHEN NEW.uuid IS NULL BEGIN
  UPDATE source SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
      substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) ||
      substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
  WHERE source_id = NEW.source_id;
END;

-- 1 once an analyst changed the event (edit, tag, link, same-as merge, status, roles): extraction
-- then never rewrites or deletes it, and `kb import --undo` removes it only with --force.
ALTER TABLE event ADD COLUMN curated INTEGER NOT NULL DEFAULT 0 CHECK (curated IN (0, 1));
-- Existing same-as merges are an analyst's work: both ends count as curated.
UPDATE event SET curated = 1 WHERE merged_into IS NOT NULL
  OR event_id IN (SELECT merged_into FROM event WHERE merged_into IS NOT NULL);

-- The operation log (`kb log`, `kb undo`): each writing analyst command (add, edit, rm, tag,
-- link, unlink, undo), who ran it and when, with every event it changed as it was before and
-- after: a kb JSON document holding the event (its own details) and its links.
CREATE TABLE op (
  op_id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,                          -- ISO 8601 UTC
  user TEXT NOT NULL,                        -- $KB_USER, else the login name
  command TEXT NOT NULL,                     -- what ran, e.g. "edit #12"
  undoes INTEGER REFERENCES op (op_id),      -- for `kb undo`: the operation it reverted
  undone_by INTEGER REFERENCES op (op_id)    -- set once `kb undo` reverted this operation
);
CREATE TABLE op_event (
  op_id INTEGER NOT NULL REFERENCES op (op_id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL,  -- the local number (the event may be gone since)
  event_uuid TEXT NOT NULL,
  before TEXT,                -- NULL: the operation created the event
  after TEXT,                 -- NULL: the operation deleted it
  PRIMARY KEY (op_id, event_id)
) WITHOUT ROWID;
CREATE INDEX op_event_event ON op_event (event_id);
