using System.Reflection;
using System.Runtime.CompilerServices;

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

    /// <summary>The namespaces whose classes are aggregates (or parts of one) that guard their own transitions.</summary>
    private static readonly string[] AggregateNamespaces =
        ["MeetingBot.Engine.Calling", "MeetingBot.Engine.Meetings", "MeetingBot.Engine.Billing", "MeetingBot.Engine.Tenancy"];

    [Fact]
    public void Aggregates_HaveNoNonPrivateSetters_TheEngineCallsTheirMethods()
    {
        var offending = NonPrivateSetters(typeof(ConferenceEngine).Assembly.GetTypes()
            .Where(t => t.IsClass && t.Namespace is { } ns && AggregateNamespaces.Contains(ns)));

        Assert.True(offending.Count == 0,
            "State setters must be private (or init-only); give the aggregate a method for the transition instead:\n" + string.Join('\n', offending));
    }

    [Fact]
    public void TheSetterCheck_CatchesInternalAndPublicSetters_NotPrivateOrInit()
    {
        var offending = NonPrivateSetters([typeof(WithSetters)]);

        Assert.Equal(["WithSetters.Internal", "WithSetters.Public"], offending.Order());
    }

    private static List<string> NonPrivateSetters(IEnumerable<Type> types) =>
        (from type in types
         where !type.IsDefined(typeof(CompilerGeneratedAttribute), false)
         from property in type.GetProperties(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
         let setter = property.SetMethod
         where setter is not null && !setter.IsPrivate && !IsInitOnly(setter)
         select $"{type.Name}.{property.Name}").ToList();

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private sealed class WithSetters
    {
        public int Public { get; set; }
        internal int Internal { get; set; }
        public int Private { get; private set; }
        public int Init { get; init; }
    }
}
