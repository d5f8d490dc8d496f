namespace MeetingBot.Engine.Licensing;

/// <param name="AddsPooledDialOutMinutes">Only an assigned monthly Audio Conferencing seat grows the tenant's pool.</param>
public sealed record SkuInfo(LicenseSku Sku, string DisplayName, Capability Capabilities, bool AddsPooledDialOutMinutes);
