-- What each stored AI answer was based on, written when it is generated: the counts the athlete is told ("your 14 file
-- and export activities; 302 Strava activities are kept out"), the data policy it was computed under, and an internal
-- fingerprint of the workouts the coach could read up to the answer's day, so a later read can tell that its inputs
-- changed. Answers stored before this have none (null) and are never called outdated.
ALTER TABLE recommendations ADD COLUMN basis jsonb;
ALTER TABLE weekly_reports ADD COLUMN basis jsonb;
ALTER TABLE activity_insights ADD COLUMN basis jsonb;
-- A chat answer keeps the counts only (what the meta line says): a conversation is not judged outdated.
ALTER TABLE chat_messages ADD COLUMN basis jsonb;
