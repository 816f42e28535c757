using RealtimeApp.Tests.Features.Chat.Support;

namespace RealtimeApp.Tests.Features.Chat.ChatServiceTests;

public sealed class PostAsyncMentionsTests
{
    [Fact]
    public async Task PostAsync_ResolvesMentionsOfRoomMembersOnly_WhenTextNamesMembersAndOutsiders()
    {
        await using var host = await ChatHost.StartAsync();
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

    [Fact]
    public async Task PostAsync_ResolvesMention_WhenNameEndsTheSentence()
    {
        await using var host = await ChatHost.StartAsync();
        var ana = await host.CreateUserAsync("ana");
        var bob = await host.CreateUserAsync("bob");
        var dev = await host.CreateRoomAsync("dev");
        await host.AddMemberAsync(dev, ana);

        var posted = await host.PostAsync(bob, dev, "Thanks @ana.");

        posted.Mentions.ShouldBe([ana.UserId]);
    }

    [Fact]
    public async Task PostAsync_ResolvesNoMention_WhenAtSignIsPartOfAnEmailAddress()
    {
        await using var host = await ChatHost.StartAsync();
        var ana = await host.CreateUserAsync("ana");
        var dev = await host.CreateRoomAsync("dev");
        await host.AddMemberAsync(dev, ana);

        var posted = await host.PostAsync(ana, dev, "write to bob@ana please");

        posted.Mentions.ShouldBeEmpty();
    }
}
