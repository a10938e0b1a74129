-- 0006_same_as: `kb link A same-as B` merges B into A without losing anything: B stays stored,
-- marked as merged, and is hidden from timelines and search while A shows B's entities,
-- citations and tags. `kb unlink A same-as B` undoes the merge.
ALTER TABLE event ADD COLUMN merged_into INTEGER REFERENCES event (event_id) ON DELETE SET NULL;
CREATE INDEX event_merged_into ON event (merged_into) WHERE merged_into IS NOT NULL;
