namespace MeetingBot.Web.Composition;

/// <summary>
/// The address people reach this host at, which invite links, join links and cards' links are built on:
/// <c>MeetingBot:PublicBaseUrl</c> when it is set (a tunnel's or a load balancer's public URL), else the first address
/// the host listens on (<c>urls</c>, from appsettings, <c>ASPNETCORE_URLS</c> or <c>--urls</c>), with a wildcard host
/// (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>) read as <c>localhost</c>; else <see cref="Default"/>. So a host moved
/// to another port by <c>--urls</c> does not send invites that point at the old one.
/// </summary>
public static class PublicAddress
{
    public const string Default = "http://localhost:3978";

    public static string From(IConfiguration configuration)
    {
        if (configuration["MeetingBot:PublicBaseUrl"] is { Length: > 0 } configured) return configured.Trim().TrimEnd('/');
        var first = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null) return Default;
        var wildcard = System.Text.RegularExpressions.Regex.Replace(first, @"^(https?://)(\*|\+|0\.0\.0\.0|\[::\])(?=[:/]|$)", "${1}localhost");
        return Uri.TryCreate(wildcard, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.GetLeftPart(UriPartial.Authority)
            : Default;
    }
}
