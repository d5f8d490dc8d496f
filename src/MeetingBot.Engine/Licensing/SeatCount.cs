namespace MeetingBot.Engine.Licensing;

/// <summary>Seats of one SKU: purchased, and assigned to users.</summary>
public sealed record SeatCount(LicenseSku Sku, int Purchased, int Assigned);
