using System.Collections.Concurrent;
using System.Reflection;
using Orleans.Serialization.Cloning;

namespace MeetingBot.Cluster;

/// <summary>
/// Hands an engine value to the other side of a call inside one silo without copying it, when it cannot change: an
/// enum, a struct, or a record whose properties can only be set while it is built (the snapshots, reports and
/// settings commands carry; snapshots hold fresh arrays, built for one answer). Orleans copies what a local grain
/// call passes so neither side can change the other's object; for these there is nothing to protect. Any other
/// engine type is copied through JSON, as before.
/// </summary>
public sealed class ImmutableEngineValueCopier : IGeneralizedCopier
{
    private static readonly ConcurrentDictionary<Type, bool> Immutable = new();

    public bool IsSupportedType(Type type) => ClusterRegistration.IsEngineType(type) && IsImmutable(type);

    public object? DeepCopy(object? input, CopyContext context) => input;

    public static bool IsImmutable(Type type) => Immutable.GetOrAdd(type, static t =>
        t.IsEnum || t.IsValueType && t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).All(f => f.IsInitOnly)
        || t.GetMethod("<Clone>$") is not null && t.GetProperties(BindingFlags.Instance | BindingFlags.Public).All(InitOnly));

    /// <summary>No setter, or an init-only one.</summary>
    private static bool InitOnly(PropertyInfo p) =>
        p.SetMethod is not { } set || set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit));
}
