-- 0002_event_revision: a per-event revision, as SQLite's schema 15 (issue #16, optimistic
-- checks). It grows by one with every write of the event's row and of its roles, tags,
-- citations and links, so that `kb edit ID --expect-revision N` can refuse to overwrite a
-- change the analyst has not seen (`kb show` prints N). Exports leave it out.
ALTER TABLE event ADD COLUMN revision bigint NOT NULL DEFAULT 1;
-- Counts the statements that update an event, not the updates kb's own triggers make (the
-- search column that citation_search refreshes, the revisions counted below), so that both
-- engines count the same writes.
CREATE FUNCTION kb_event_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() = 1 AND NEW.revision = OLD.revision THEN
    NEW.revision := OLD.revision + 1;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER event_revision BEFORE UPDATE ON event
  FOR EACH ROW EXECUTE FUNCTION kb_event_revision();
-- A role, tag, citation or link added or removed is a write of its event (of both, for a link).
CREATE FUNCTION kb_child_revision() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rec record;
BEGIN
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
CREATE TRIGGER event_entity_revision AFTER INSERT OR DELETE ON event_entity
  FOR EACH ROW EXECUTE FUNCTION kb_child_revision();
CREATE TRIGGER event_tag_revision AFTER INSERT OR DELETE ON event_tag
  FOR EACH ROW EXECUTE FUNCTION kb_child_revision();
CREATE TRIGGER citation_revision AFTER INSERT OR DELETE ON citation
  FOR EACH ROW EXECUTE FUNCTION kb_child_revision();
CREATE TRIGGER link_revision AFTER INSERT OR DELETE ON link
  FOR EACH ROW EXECUTE FUNCTION kb_child_revision();
