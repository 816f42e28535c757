using RealtimeApp.Client;

namespace RealtimeApp.Tests.Architecture;

public sealed class ClientRulesTests
{
    [Fact]
    public void ClientLibrary_DependsOnNeitherTheAppNorAspNetCore()
    {
        var references = typeof(RealtimeClient).Assembly.GetReferencedAssemblies().Select(assembly => assembly.Name!).ToList();

        references.ShouldNotContain(name => name.StartsWith("RealtimeApp.", StringComparison.Ordinal), string.Join(", ", references));
        references.ShouldNotContain(name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal), string.Join(", ", references));
    }
}
