using RealtimeApp.Domain.ApiTokens;

namespace RealtimeApp.Tests.Domain.ApiTokens;

public sealed class ApiScopesTests
{
    [Theory]
    [InlineData(ApiScopes.All, ApiScopes.RoomsWrite, true)]
    [InlineData(ApiScopes.ChatWrite, ApiScopes.ChatWrite, true)]
    [InlineData(ApiScopes.ChatWrite, ApiScopes.ChatRead, true)]
    [InlineData(ApiScopes.TasksWrite, ApiScopes.TasksRead, true)]
    [InlineData(ApiScopes.RoomsWrite, ApiScopes.RoomsRead, true)]
    [InlineData(ApiScopes.ChatRead, ApiScopes.ChatWrite, false)]
    [InlineData(ApiScopes.AgentsReport, ApiScopes.AgentsRead, false)]
    [InlineData(ApiScopes.AgentsRead, ApiScopes.AgentsReport, false)]
    [InlineData(ApiScopes.TasksWrite, ApiScopes.ChatRead, false)]
    [InlineData("", ApiScopes.ChatRead, false)]
    public void Grants_FollowsTheScopeAndItsWriteLevel(string held, string needed, bool granted) =>
        ApiScopes.Grants(held, needed).ShouldBe(granted);

    [Fact]
    public void Parse_TrimsDropsRepeatsAndOrdersAsListed()
    {
        var (scopes, error) = ApiScopes.Parse(" agents:report ,tasks:write agents:report");

        error.ShouldBeNull();
        scopes.ShouldBe([ApiScopes.TasksWrite, ApiScopes.AgentsReport]);
    }

    [Fact]
    public void Parse_KeepsOnlyAll_WhenAllIsAmongThem()
    {
        ApiScopes.Parse("chat:read,all").Scopes.ShouldBe([ApiScopes.All]);
    }

    [Theory]
    [InlineData("", "Choose at least one scope.")]
    [InlineData(" , ", "Choose at least one scope.")]
    [InlineData("chat:read,Chat:Write,x", "Unknown scope 'Chat:Write', 'x'; scopes are all, rooms:read, rooms:write, chat:read, chat:write, tasks:read, tasks:write, agents:report, agents:read.")]
    public void Parse_RefusesAnEmptyListOrAnUnknownScope(string list, string message)
    {
        var (scopes, error) = ApiScopes.Parse(list);

        scopes.ShouldBeNull();
        error.ShouldBe(message);
    }

    [Fact]
    public void StoredForm_RoundTrips()
    {
        var stored = ApiScopes.Join([ApiScopes.ChatRead, ApiScopes.TasksWrite]);

        stored.ShouldBe("chat:read tasks:write");
        ApiScopes.Split(stored).ShouldBe([ApiScopes.ChatRead, ApiScopes.TasksWrite]);
    }
}
