using System.Text.RegularExpressions;
using ArchUnitNET.Domain;
using ArchUnitNET.xUnitV3;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using static RealtimeApp.Tests.Architecture.AppArchitecture;

namespace RealtimeApp.Tests.Architecture;

/// <summary>One owner per concept: features use each other in one direction only, and never through a store.</summary>
public sealed class FeatureRulesTests
{
    [Fact]
    public void Features_DoNotDependOnEachOtherInACycle_WhenCompiled()
    {
        var graph = FeatureGraph.Load();

        var cycles = graph.Cycles();

        cycles.ShouldBeEmpty(
            "two features that need each other have one concept split between them: move it to its owner, or let the " +
            "lower feature declare a small interface (or publish an event) that the higher one implements (or handles)");
    }

    [Theory]
    [MemberData(nameof(FeatureNames), MemberType = typeof(AppArchitecture))]
    public void Feature_DoesNotTouchAnotherFeaturesStore_WhenCompiled(string feature) =>
        Types().That().ResideInNamespaceOrBelow($"{FeaturesNamespace}.{feature}")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(OtherFeaturesStores(feature)))
            .Because("a feature's store (state, actions, reducers, effects) is its own: react to another feature through " +
                "events on the aggregator, or through actions declared in Shared/Actions")
            .WithoutRequiringPositiveResults()
            .Check(Model);

    [Fact]
    public void Registrations_RegisterOneFeatureEach_WhenCompiled()
    {
        var registrations = Model.Types.Where(type =>
            type.Namespace.FullName == "Microsoft.Extensions.DependencyInjection" && type.Assembly.FullName.StartsWith(WebNamespace + ",", StringComparison.Ordinal));

        var mixed = registrations
            .Select(type => (type.FullName, Features: type.Dependencies
                .Where(dependency => dependency.Target is not Interface)
                .Select(dependency => FeatureGraph.FeatureOf(dependency.Target.Namespace.FullName))
                .OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()))
            .Where(registration => registration.Features.Count > 1)
            .Select(registration => $"{registration.FullName} registers {string.Join(", ", registration.Features)}")
            .ToList();

        registrations.ShouldNotBeEmpty();
        mixed.ShouldBeEmpty(
            "each feature registers its own services and procedures (AddXxxFeature, AddXxxApi): call the other " +
            "feature's Add method instead of registering its types (implementing another feature's interface is fine)");
    }

    [Fact]
    public void FeatureNames_ListEveryFeatureFolder_WhenLoaded() =>
        FeatureNames().Select(row => row.Data).ShouldContain("Chat");

    private static string OtherFeaturesStores(string feature) =>
        $@"^{Regex.Escape(FeaturesNamespace)}\.(?!{Regex.Escape(feature)}\.)\w+(\.\w+)*\.Store(\..*)?$";
}
