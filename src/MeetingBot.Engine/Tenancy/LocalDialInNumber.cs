namespace MeetingBot.Engine.Tenancy;

public sealed record LocalDialInNumber(string Country, string City, string Number);
