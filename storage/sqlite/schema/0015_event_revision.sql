-- 0015_event_revision: a per-event revision (issue #16, optimistic checks). It grows by one with
-- every write of the event's row and of its roles, tags, citations and links, so that
-- `kb edit ID --expect-revision N` can refuse to overwrite a change the analyst has not seen
-- (`kb show` prints N). Revisions are local to a knowledge base: exports leave them out.
ALTER TABLE event ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
-- An UPDATE that sets the revision itself is not counted again (recursive triggers are off).
CREATE TRIGGER event_revision AFTER UPDATE ON event WHEN NEW.revision = OLD.revision BEGIN
  UPDATE event SET revision = OLD.revision + 1 WHERE event_id = NEW.event_id;
END;
CREATE TRIGGER event_entity_revision_insert AFTER INSERT ON event_entity BEGIN
  UPDATE event SET revision = revision + 1 WHERE event_id = NEW.event_id;
END;
CREATE TRIGGER event_entity_revision_delete AFTER DELETE ON event_entity BEGIN
  UPDATE event SET revision = revision + 1 WHERE event_id = OLD.event_id;
END;
CREATE TRIGGER event_tag_revision_insert AFTER INSERT ON event_tag BEGIN
  UPDATE event SET revision = revision + 1 WHERE event_id = NEW.event_id;
END;
CREATE TRIGGER event_tag_revision_delete AFTER DELETE ON event_tag BEGIN
  UPDATE event SET revision = revision + 1 WHERE event_id = OLD.event_id;
END;
CREATE TRIGGER citation_revision_insert AFTER INSERT ON citation BEGIN
  UPDATE event SET revision = revision + 1 WHERE event_id = NEW.event_id;
END;
CREATE TRIGGER citation_revision_delete AFTER DELETE ON citation BEGIN
  UPDATE event SET revision = revision + 1 WHERE event_id = OLD.event_id;
END;
CREATE TRIGGER link_revision_insert AFTER INSERT ON link BEGIN
  UPDATE event SET revision = revision + 1 WHERE event_id IN (NEW.from_event, NEW.to_event);
END;
CREATE TRIGGER link_revision_delete AFTER DELETE ON link BEGIN
  UPDATE event SET revision = revision + 1 WHERE event_id IN (OLD.from_event, OLD.to_event);
END;
