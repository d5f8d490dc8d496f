-- Chat history past MeetingBot:Storage:ChatRetention is deleted by age: find those activities by when they were stored.
CREATE INDEX ix_chat_activities_created_at ON chat_activities (created_at);
