using Bunit;
using RealtimeApp.Tests.Features.Chat.Support;
using RealtimeApp.Web.Features.Chat.Components;
using RealtimeApp.Web.Features.Chat.Store;

namespace RealtimeApp.Tests.Features.Chat.Components;

public sealed class ComposerTests : ChatTestContext
{
    [Fact]
    public async Task Send_IsDisabledAndEnterSendsNothing_WhenTextIsBlank()
    {
        await GivenAsync();
        var cut = Render<Composer>(parameters => parameters.Add(p => p.RoomId, "dev"));

        cut.Find("textarea").Input("   ");
        await cut.InvokeAsync(() => cut.Instance.SubmitFromKeyboard(" \n "));

        cut.Find("button").HasAttribute("disabled").ShouldBeTrue();
        Dispatched.OfType<SendMessage>().ShouldBeEmpty();
        ChatState.Pending.ShouldBeEmpty();
    }

    [Fact]
    public async Task Send_DispatchesMessageAndClearsText_WhenTextIsWritten()
    {
        await GivenAsync();
        var cut = Render<Composer>(parameters => parameters.Add(p => p.RoomId, "dev"));
        cut.Find("textarea").Input("hello");

        cut.Find("button").Click();

        var sent = Dispatched.OfType<SendMessage>().ShouldHaveSingleItem();
        sent.RoomId.ShouldBe("dev");
        sent.Text.ShouldBe("hello");
        ChatState.Pending.ShouldHaveSingleItem().Text.ShouldBe("hello");
        cut.Find("button").HasAttribute("disabled").ShouldBeTrue();
    }

    [Theory]
    [InlineData(3499, false)]
    [InlineData(3500, true)]
    [InlineData(4000, true)]
    public async Task Render_ShowsCounter_WhenTextNearsTheLimit(int length, bool shown)
    {
        await GivenAsync();
        var cut = Render<Composer>(parameters => parameters.Add(p => p.RoomId, "dev"));

        cut.Find("textarea").Input(new string('x', length));

        var counters = cut.FindAll("[aria-live='polite']");
        if (shown)
        {
            counters.ShouldHaveSingleItem().TextContent.Trim().ShouldBe($"{length:N0} / {4000:N0}");
        }
        else
        {
            counters.ShouldBeEmpty();
        }
    }
}
