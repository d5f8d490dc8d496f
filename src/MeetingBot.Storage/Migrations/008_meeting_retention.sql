-- Meetings past MeetingBot:Engine:MeetingRetention are deleted with their ended legs: find those legs by meeting.
CREATE INDEX ix_legs_tenant_meeting ON legs (tenant, meeting_id);
