-- 0007_concept: what kind of happening an imported event is, as a normalised predicate
-- ("invade" for "invaded", "the invasion", "launched a full-scale invasion"), so that one
-- happening told by many sources is found and merged by what happened, not only by its title.
-- NULL for hand-entered events and for predicates kb has no concept for.
ALTER TABLE event ADD COLUMN concept TEXT;
CREATE INDEX event_concept_day ON event (concept, first_day) WHERE concept IS NOT NULL;
