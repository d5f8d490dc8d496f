using MeetingBot.Web.Tests.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingBot.Web.Tests.Composition;

/// <summary>
/// Settings are read once at start. A settings file watched for changes watches its whole directory — the working
/// directory, where the default SQLite database is written — so every write of a bot turn woke the file watcher.
/// </summary>
public sealed class ConfigurationWatchTests
{
    [Fact]
    public async Task NoSettingsFile_IsWatchedForChanges()
    {
        await using var host = new MeetingBotAppFactory(new Dictionary<string, string?>());
        _ = host.Server;
        var configuration = (IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>();

        var files = configuration.Providers.OfType<FileConfigurationProvider>().ToList();

        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, $"{f.Source.Path} is watched for changes"));
    }
}
