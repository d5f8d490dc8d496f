using Microsoft.Extensions.Configuration;

namespace MeetingBot.ManifestPackager;

/// <summary>The packager's command line. Paths default to the repository's own files.</summary>
public sealed record PackagerOptions
{
    public const string Usage = """
        Builds the Teams app package: manifest.json, color.png and outline.png at the zip root, with the
        bot id and host filled in from configuration.

        usage: dotnet run --project tools/manifest/packager -- [options]

          --bot-id <guid>           overrides MicrosoftAppId
          --public-base-url <url>   overrides MeetingBot:PublicBaseUrl (its host name goes into validDomains)
          --output <file.zip>       default: artifacts/meetingbot-teams-app.zip
          --appsettings <file>      default: appsettings.json at the repository root
          --manifest-dir <dir>      default: manifest/ at the repository root
          --help

        Precedence, lowest first: appsettings.json, environment variables (MicrosoftAppId,
        MeetingBot__PublicBaseUrl), then the options above.
        """;

    public bool ShowHelp { get; init; }

    public string? BotId { get; init; }

    public string? PublicBaseUrl { get; init; }

    public string? OutputPath { get; init; }

    public string? AppSettingsPath { get; init; }

    public string? ManifestDirectory { get; init; }

    /// <summary>Parses <c>--name value</c> and <c>--name=value</c>; anything unknown is an error, so a typo
    /// cannot silently fall back to the value in appsettings.json.</summary>
    public static PackagerOptions Parse(IReadOnlyList<string> args)
    {
        var options = new PackagerOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h" or "-?")
            {
                options = options with { ShowHelp = true };
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            string Value()
            {
                if (equals > 0)
                {
                    return arg[(equals + 1)..];
                }

                if (i + 1 >= args.Count)
                {
                    throw new ArgumentException($"{name} needs a value.");
                }

                return args[++i];
            }

            options = name switch
            {
                "--bot-id" => options with { BotId = Value() },
                "--public-base-url" => options with { PublicBaseUrl = Value() },
                "--output" => options with { OutputPath = Value() },
                "--appsettings" => options with { AppSettingsPath = Value() },
                "--manifest-dir" => options with { ManifestDirectory = Value() },
                _ => throw new ArgumentException($"Unknown option '{arg}'. Use --help."),
            };
        }

        return options;
    }

    /// <summary>appsettings.json, then environment variables, then the command line: the order the web host uses.</summary>
    public IConfiguration BuildConfiguration(string repoRoot)
    {
        var overrides = new Dictionary<string, string?>();
        if (BotId is not null)
        {
            overrides[AppPackageSettings.BotIdKey] = BotId;
        }

        if (PublicBaseUrl is not null)
        {
            overrides[AppPackageSettings.PublicBaseUrlKey] = PublicBaseUrl;
        }

        return new ConfigurationBuilder()
            .AddJsonFile(Path.GetFullPath(AppSettingsPath ?? Path.Combine(repoRoot, "appsettings.json")), optional: false)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
    }

    public string ResolveManifestDirectory(string repoRoot) =>
        Path.GetFullPath(ManifestDirectory ?? Path.Combine(repoRoot, "manifest"));

    public string ResolveOutputPath(string repoRoot) =>
        Path.GetFullPath(OutputPath ?? Path.Combine(repoRoot, "artifacts", AppPackageBuilder.DefaultZipFileName));
}
