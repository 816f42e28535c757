using ArchUnitNET.xUnitV3;
using Microsoft.AspNetCore.Components;
using RealtimeApp.Web.Data;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using static RealtimeApp.Tests.Architecture.AppArchitecture;

namespace RealtimeApp.Tests.Architecture;

/// <summary>The walls between the projects and the Web project's plumbing folders (docs/architecture.md, "Parts and arrows").</summary>
public sealed class LayerRulesTests
{
    [Fact]
    public void Domain_DependsOnNoFramework_WhenCompiled() =>
        Types().That().ResideInNamespaceOrBelow(DomainNamespace)
            .Should().NotDependOnAny(Types(true).That()
                .ResideInNamespaceMatching(@"^(Microsoft\.AspNetCore|Microsoft\.EntityFrameworkCore|MudBlazor)(\..*)?$"))
            .Because("the domain is framework-free: keep ASP.NET Core, EF Core and MudBlazor code in RealtimeApp.Web " +
                "(EF mappings go in a feature's Persistence folder as IEntityTypeConfiguration)")
            .Check(Model);

    [Fact]
    public void Components_DoNotUseTheDbContext_WhenCompiled() =>
        Types().That().AreAssignableTo(typeof(ComponentBase)).And().ResideInNamespaceOrBelow(WebNamespace)
            .Should().NotDependOnAny(typeof(ApplicationDbContext))
            .Because("components stay thin: call the feature's service (or dispatch an action whose effect calls it) " +
                "instead of querying ApplicationDbContext")
            .Check(Model);

    [Fact]
    public void Realtime_DependsOnNoFeature_WhenCompiled() =>
        Types().That().ResideInNamespaceOrBelow(RealtimeNamespace)
            .Should().NotDependOnAny(Types().That().ResideInNamespaceOrBelow(FeaturesNamespace))
            .Because("the API's plumbing serves every feature: let the feature implement an interface declared in " +
                "Realtime/ (as ApiTokens implements IApiConnectionAuthenticator), or move what both need to Shared/")
            .Check(Model);

    [Fact]
    public void State_DependsOnNoFeatureAndNoMudBlazor_WhenCompiled() =>
        Types().That().ResideInNamespaceOrBelow(StateNamespace)
            .Should().NotDependOnAny(Types(true).That().ResideInNamespaceOrBelow(FeaturesNamespace)
                .Or().ResideInNamespaceOrBelow("MudBlazor"))
            .Because("the Flux store core is generic: declare an interface in State/ and implement it where the UI " +
                "library or the feature lives (as the snackbar presents the store's errors from Features/Shell)")
            .Check(Model);

    [Fact]
    public void Data_DependsOnNoFeature_WhenCompiled() =>
        Types().That().ResideInNamespaceOrBelow(DataNamespace)
            .Should().NotDependOnAny(Types().That().ResideInNamespaceOrBelow(FeaturesNamespace))
            .Because("persisted entities live in RealtimeApp.Domain and their mappings in each feature's Persistence " +
                "folder, which the DbContext finds by assembly scan")
            .Check(Model);

    [Fact]
    public void Shared_DependsOnNoFeature_WhenCompiled() =>
        Types().That().ResideInNamespaceOrBelow(SharedNamespace)
            .Should().NotDependOnAny(Types().That().ResideInNamespaceOrBelow(FeaturesNamespace))
            .Because("features may use Shared/, so Shared/ must not use them back: move the helper into the feature " +
                "that needs it, or what it needs into Shared/")
            .WithoutRequiringPositiveResults()
            .Check(Model);
}
