using ArchUnitNET.Loader;
using RealtimeApp.Domain.Realtime;
using ArchitectureModel = ArchUnitNET.Domain.Architecture;

namespace RealtimeApp.Tests.Architecture;

/// <summary>The compiled Domain and Web assemblies, loaded once for every architecture rule, and the names of their parts.</summary>
internal static class AppArchitecture
{
    public const string DomainNamespace = "RealtimeApp.Domain";
    public const string WebNamespace = "RealtimeApp.Web";
    public const string FeaturesNamespace = "RealtimeApp.Web.Features";
    public const string RealtimeNamespace = "RealtimeApp.Web.Realtime";
    public const string StateNamespace = "RealtimeApp.Web.State";
    public const string DataNamespace = "RealtimeApp.Web.Data";
    public const string SharedNamespace = "RealtimeApp.Web.Shared";

    public static ArchitectureModel Model { get; } = new ArchLoader()
        .LoadAssemblies(typeof(EventHub).Assembly, typeof(Program).Assembly)
        .Build();

    /// <summary>Every feature folder (<c>Features/X</c>), by the namespaces its types live in.</summary>
    public static TheoryData<string> FeatureNames()
    {
        var prefix = FeaturesNamespace + ".";
        return new TheoryData<string>(Model.Namespaces
            .Select(ns => ns.FullName)
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(name => name[prefix.Length..].Split('.')[0])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal));
    }
}
