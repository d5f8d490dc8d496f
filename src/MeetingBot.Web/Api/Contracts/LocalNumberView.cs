namespace MeetingBot.Web.Api.Contracts;

/// <param name="Country">ISO 3166 two-letter code, e.g. GB.</param>
public sealed record LocalNumberView(string Country, string City, string Number, string Display);
