using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Domain.ApiTokens;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Realtime.Procedures;

namespace RealtimeApp.Tests.Realtime.Procedures;

/// <summary>Every procedure the app serves needs a scope, and the API guide's table says which, truthfully.</summary>
public sealed partial class ProcedureScopeTableTests : IAsyncLifetime
{
    private readonly RealtimeAppFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public void EveryProcedure_NeedsAScopeOtherThanAll()
    {
        var scopes = _factory.Services.GetRequiredService<ProcedureRouter>().Scopes;

        scopes.ShouldNotBeEmpty();
        scopes.Where(entry => !ApiScopes.IsKnown(entry.Value) || entry.Value == ApiScopes.All).ShouldBeEmpty();
    }

    [Fact]
    public void ApiGuidesScopeTable_NamesEveryProcedureWithTheScopeItNeeds()
    {
        var registered = _factory.Services.GetRequiredService<ProcedureRouter>().Scopes;

        DocumentedScopes().ShouldBe(registered.OrderBy(entry => entry.Key, StringComparer.Ordinal).ToList(),
            "docs/websocket-api.md's table of procedure → scope must list every procedure with the scope it is registered with");
    }

    [Fact]
    public void Router_RefusesAProcedureWithoutARealScope()
    {
        var router = new ProcedureRouter();

        Should.Throw<ArgumentException>(() => router.Query("a.query", ApiScopes.All, _ => Task.FromResult(1)));
        Should.Throw<ArgumentException>(() => router.Query("b.query", "chat:everything", _ => Task.FromResult(1)));
        router.Paths.ShouldBeEmpty();
    }

    private static List<KeyValuePair<string, string>> DocumentedScopes()
    {
        var doc = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Realtime", "Procedures", "websocket-api.md"));
        var table = doc[doc.IndexOf("| procedure | scope |", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n", StringComparison.Ordinal)];
        return ScopeRow().Matches(table)
            .SelectMany(row => ProcedureName().Matches(row.Groups[1].Value).Select(name => KeyValuePair.Create(name.Groups[1].Value, row.Groups[2].Value)))
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex(@"^\| (.+?) \| `([a-z:]+)` \|$", RegexOptions.Multiline)]
    private static partial Regex ScopeRow();

    [GeneratedRegex(@"`([A-Za-z.]+)`")]
    private static partial Regex ProcedureName();
}
