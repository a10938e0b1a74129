-- 0003_entity_days: an entity's timeline from an index in the timeline's order (issue #16,
-- docs/scale.md). Each role row carries its event's first and last day, copied by triggers, so
-- that (entity_id, first_day, last_day, event_id) gives an entity's events oldest first and
-- `kb timeline ENTITY --limit N` reads N index entries instead of every event of the entity.
-- The copies follow the event: set from it when a role is added (or moved to another event) and
-- rewritten when the event's days change. A role of an event that does not exist gets 0 and is
-- then refused by the foreign key, as before.
ALTER TABLE event_entity ADD COLUMN first_day bigint, ADD COLUMN last_day bigint;
UPDATE event_entity ee SET first_day = e.first_day, last_day = e.last_day
  FROM event e WHERE e.event_id = ee.event_id;
ALTER TABLE event_entity ALTER COLUMN first_day SET NOT NULL,
  ALTER COLUMN last_day SET NOT NULL;
CREATE INDEX event_entity_entity_day ON event_entity (entity_id, first_day, last_day, event_id);
CREATE FUNCTION kb_role_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT e.first_day, e.last_day INTO NEW.first_day, NEW.last_day
    FROM event e WHERE e.event_id = NEW.event_id;
  IF NOT FOUND THEN
    NEW.first_day := 0;
    NEW.last_day := 0;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER event_entity_days BEFORE INSERT OR UPDATE OF event_id ON event_entity
  FOR EACH ROW EXECUTE FUNCTION kb_role_days();
CREATE FUNCTION kb_event_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE event_entity SET first_day = NEW.first_day, last_day = NEW.last_day
    WHERE event_id = NEW.event_id;
  RETURN NULL;
END $$;
CREATE TRIGGER event_days AFTER UPDATE OF first_day, last_day ON event FOR EACH ROW
  WHEN (OLD.first_day <> NEW.first_day OR OLD.last_day <> NEW.last_day)
  EXECUTE FUNCTION kb_event_days();
