using System.Reflection;

namespace MeetingBot.Engine.Tests;

public class ArchitectureTests
{
    [Fact]
    public void EngineAssembly_References_NoHostBotJsonOrClusterFramework()
    {
        var forbidden = new[] { "Microsoft.AspNetCore", "Microsoft.Bot", "Newtonsoft", "System.Text.Json", "Microsoft.Extensions.Hosting", "Npgsql", "Microsoft.Data.Sqlite", "Orleans", "Microsoft.Orleans" };
        var references = typeof(ConferenceEngine).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains(references, r => r == "PhoneNumbers");
        var offending = references.Where(r => forbidden.Any(f => r.StartsWith(f, StringComparison.Ordinal))).ToList();
        Assert.True(offending.Count == 0, "Engine references: " + string.Join(", ", offending));
    }
}
