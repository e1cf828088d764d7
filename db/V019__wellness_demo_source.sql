-- The demo athlete's generated wellness days are stored with source 'demo', so removing the demo removes exactly them
-- and never an entry the athlete made (a day the athlete changes afterwards becomes 'manual' and stays theirs).
ALTER TABLE wellness DROP CONSTRAINT wellness_source_check;
ALTER TABLE wellness ADD CONSTRAINT wellness_source_check
    CHECK (source IN ('manual', 'csv', 'fit', 'restore', 'demo'));
