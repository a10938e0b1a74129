-- 0016_copy_marker: kb copy writes a knowledge base a slice at a time, each slice one
-- transaction (issue #16). Its one row says which source the copy reads, what that source held
-- (its highest numbers) and how far the copy got (the pass and the last key written), so that
-- running kb copy again after an interruption goes on from there; a finished copy deletes it.
-- While the row is there the revision triggers of 0015 stand still: a copy writes each event's
-- revision as the source has it, which the copy's own writes (roles, tags, citations, links,
-- merges) would otherwise raise.
CREATE TABLE copy_marker (
  one INTEGER PRIMARY KEY CHECK (one = 1),
  source TEXT NOT NULL,       -- the source as kb copy was given it (password hidden)
  fingerprint TEXT NOT NULL,  -- its highest numbers when the copy began
  pass TEXT NOT NULL,         -- entities, countries, sources, events, merges, links
  last_key INTEGER NOT NULL   -- the last key that pass wrote (0: none yet)
);

DROP TRIGGER event_revision;
DROP TRIGGER event_entity_revision_insert;
DROP TRIGGER event_entity_revision_delete;
DROP TRIGGER event_tag_revision_insert;
DROP TRIGGER event_tag_revision_delete;
DROP TRIGGER citation_revision_insert;
DROP TRIGGER citation_revision_delete;
DROP TRIGGER link_revision_insert;
DROP TRIGGER link_revision_delete;

CREATE TRIGGER event_revision AFTER UPDATE ON event
WHEN NEW.revision = OLD.revision AND NOT EXISTS (SELECT 1 FROM copy_marker) BEGIN
  UPDATE event SET revision = OLD.revision + 1 WHERE event_id = NEW.event_id;
END;
CREATE TRIGGER event_entity_revision_insert AFTER INSERT ON event_entity
WHEN NOT EXISTS (SELECT 1 FROM copy_marker) BEGIN
  UPDATE event SET revision = revision + 1 WHERE event_id = NEW.event_id;
END;
CREATE TRIGGER event_entity_revision_delete AFTER DELETE ON event_entity
WHEN NOT EXISTS (SELECT 1 FROM copy_marker) BEGIN
  UPDATE event SET revision = revision + 1 WHERE event_id = OLD.event_id;
END;
CREATE TRIGGER event_tag_revision_insert AFTER INSERT ON event_tag
WHEN NOT EXISTS (SELECT 1 FROM copy_marker) BEGIN
  UPDATE event SET revision = revision + 1 WHERE event_id = NEW.event_id;
END;
CREATE TRIGGER event_tag_revision_delete AFTER DELETE ON event_tag
WHEN NOT EXISTS (SELECT 1 FROM copy_marker) BEGIN
  UPDATE event SET revision = revision + 1 WHERE event_id = OLD.event_id;
END;
CREATE TRIGGER citation_revision_insert AFTER INSERT ON citation
WHEN NOT EXISTS (SELECT 1 FROM copy_marker) BEGIN
  UPDATE event SET revision = revision + 1 WHERE event_id = NEW.event_id;
END;
CREATE TRIGGER citation_revision_delete AFTER DELETE ON citation
WHEN NOT EXISTS (SELECT 1 FROM copy_marker) BEGIN
  UPDATE event SET revision = revision + 1 WHERE event_id = OLD.event_id;
END;
CREATE TRIGGER link_revision_insert AFTER INSERT ON link
WHEN NOT EXISTS (SELECT 1 FROM copy_marker) BEGIN
  UPDATE event SET revision = revision + 1 WHERE event_id IN (NEW.from_event, NEW.to_event);
END;
CREATE TRIGGER link_revision_delete AFTER DELETE ON link
WHEN NOT EXISTS (SELECT 1 FROM copy_marker) BEGIN
  UPDATE event SET revision = revision + 1 WHERE event_id IN (OLD.from_event, OLD.to_event);
END;
