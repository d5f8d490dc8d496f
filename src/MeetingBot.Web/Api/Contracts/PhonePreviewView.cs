namespace MeetingBot.Web.Api.Contracts;

public sealed record PhonePreviewView(string E164, string Display, string RegionCode);
