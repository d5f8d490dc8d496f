namespace MeetingBot.Engine.Phone;

/// <summary>A dialable number in E.164 with the ISO region it belongs to.</summary>
public sealed record PhoneNumber(string E164, string RegionCode)
{
    public override string ToString() => E164;
}
