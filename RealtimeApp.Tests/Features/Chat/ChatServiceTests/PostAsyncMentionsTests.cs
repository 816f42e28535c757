using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Tests.Features.Chat.ChatServiceTests;

public sealed class PostAsyncMentionsTests
{
    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PostAsync_ResolvesMentionsOfRoomMembersOnly_WhenTextNamesMembersAndOutsiders(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var bob = await host.CreateUserAsync("bob");
        var carl = await host.CreateUserAsync("carl");
        var dev = await host.CreateRoomAsync("dev");
        await host.AddMemberAsync(dev, ana);
        await host.AddMemberAsync(dev, bob);

        var posted = await host.PostAsync(bob, dev, "@ANA and @carl, see @nobody");

        posted.Mentions.ShouldBe([ana.UserId]);
        posted.Mentions.ShouldNotContain(carl.UserId);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PostAsync_ResolvesMention_WhenNameEndsTheSentence(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var bob = await host.CreateUserAsync("bob");
        var dev = await host.CreateRoomAsync("dev");
        await host.AddMemberAsync(dev, ana);

        var posted = await host.PostAsync(bob, dev, "Thanks @ana.");

        posted.Mentions.ShouldBe([ana.UserId]);
    }

    [Theory]
    [ClassData(typeof(BothEngines))]
    public async Task PostAsync_ResolvesNoMention_WhenAtSignIsPartOfAnEmailAddress(DatabaseProvider engine)
    {
        await using var host = await ChatHost.StartAsync(engine);
        var ana = await host.CreateUserAsync("ana");
        var dev = await host.CreateRoomAsync("dev");
        await host.AddMemberAsync(dev, ana);

        var posted = await host.PostAsync(ana, dev, "write to bob@ana please");

        posted.Mentions.ShouldBeEmpty();
    }
}
