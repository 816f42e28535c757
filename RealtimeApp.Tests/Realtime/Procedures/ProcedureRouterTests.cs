using RealtimeApp.Domain.ApiTokens;
using RealtimeApp.Web.Realtime.Procedures;

namespace RealtimeApp.Tests.Realtime.Procedures;

public sealed class ProcedureRouterTests
{
    [Fact]
    public void Query_Throws_WhenPathIsAlreadyRegistered()
    {
        var router = new ProcedureRouter().Query("rooms.list", ApiScopes.RoomsRead, _ => Task.FromResult(1));

        var register = () => router.Mutation<int, int>("rooms.list", ApiScopes.RoomsRead, (_, input) => Task.FromResult(input));

        register.ShouldThrow<InvalidOperationException>().Message.ShouldContain("rooms.list");
    }

    [Fact]
    public void Paths_ListEveryRegisteredProcedure_WhenSeveralAreRegistered()
    {
        var router = new ProcedureRouter()
            .Query("a.query", ApiScopes.ChatRead, _ => Task.FromResult(1))
            .Subscription("a.events", ApiScopes.ChatRead, _ => AsyncEnumerable.Empty<int>());

        var paths = router.Paths;

        paths.ShouldBe(["a.query", "a.events"], ignoreOrder: true);
    }
}
