-- 0012_places: places carry coordinates and events a death toll (issue #12). A place's point
-- (WGS 84 degrees) comes from a source that gives it (ACLED's latitude and longitude); an
-- event's fatalities from a source that counts them (ACLED), as a number instead of words in the
-- summary. Both are NULL when unknown.
ALTER TABLE entity ADD COLUMN latitude REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90);
ALTER TABLE entity ADD COLUMN longitude REAL
  CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180);
ALTER TABLE event ADD COLUMN fatalities INTEGER CHECK (fatalities IS NULL OR fatalities >= 0);
