using RealtimeApp.Domain.Common;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Chat;

namespace RealtimeApp.Tests.Features.Chat.ChatHistoryTests;

public sealed class SearchAsyncTests
{
    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task SearchAsync_FindsCaseInsensitiveMatchesNewestFirst_WhenQueryIsContained(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        await host.PostAsync(ana, "general", "Deploy is done");
        await host.PostAsync(ana, "general", "lunch?");
        await host.PostAsync(ana, "general", "redeploying now");

        var found = await host.Get<ChatHistory>().SearchAsync(ana, "general", "DEPLOY", cancellationToken: TestContext.Current.CancellationToken);

        found.Value!.Select(m => m.Text).ShouldBe(["redeploying now", "Deploy is done"]);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task SearchAsync_SkipsDeletedMessages_WhenTheyMatched(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var gone = await host.PostAsync(ana, "general", "password is hunter2");
        await host.PostAsync(ana, "general", "never share a password");
        await host.Get<MessageEditing>().DeleteAsync(ana, "general", gone.Sequence, TestContext.Current.CancellationToken);

        var found = await host.Get<ChatHistory>().SearchAsync(ana, "general", "password", cancellationToken: TestContext.Current.CancellationToken);

        found.Value!.ShouldHaveSingleItem().Text.ShouldBe("never share a password");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "0%", "100% done")]
    [InlineData(DatabaseProvider.Sqlite, "a_b", "a_b")]
    [InlineData(DatabaseProvider.Sqlite, @"c:\t", @"c:\temp")]
    [InlineData(DatabaseProvider.Postgres, "0%", "100% done")]
    [InlineData(DatabaseProvider.Postgres, "a_b", "a_b")]
    [InlineData(DatabaseProvider.Postgres, @"c:\t", @"c:\temp")]
    public async Task SearchAsync_MatchesWildcardCharactersLiterally_WhenQueryContainsThem(DatabaseProvider engine, string query, string expected)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        foreach (var text in new[] { "100% done", "1000 done", "a_b", "axb", @"c:\temp", "c:xtemp" })
        {
            await host.PostAsync(ana, "general", text);
        }

        var found = await host.Get<ChatHistory>().SearchAsync(ana, "general", query, cancellationToken: TestContext.Current.CancellationToken);

        found.Value!.ShouldHaveSingleItem().Text.ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("  a  ")]
    public async Task SearchAsync_RefusesAsInvalid_WhenQueryIsShorterThanTwoCharacters(string? query)
    {
        await using var host = await ChatHost.StartAsync();
        var ana = await host.CreateUserAsync("ana");

        var found = await host.Get<ChatHistory>().SearchAsync(ana, "general", query, cancellationToken: TestContext.Current.CancellationToken);

        found.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Invalid);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task SearchAsync_RefusesAsForbidden_WhenRoomIsPrivateAndActorIsNotMember(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var bob = await host.CreateUserAsync("bob");
        var secret = await host.CreateRoomAsync("secret", isPrivate: true);
        await host.AddMemberAsync(secret, ana);
        await host.PostAsync(ana, secret, "the plan");

        var found = await host.Get<ChatHistory>().SearchAsync(bob, secret, "plan", cancellationToken: TestContext.Current.CancellationToken);

        found.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Forbidden);
    }
}
