using Bunit;
using RealtimeApp.Web.Features.Chat.Components;

namespace RealtimeApp.Tests.Features.Chat.Components;

public sealed class MessageTextTests : BunitContext
{
    [Fact]
    public void Render_ShowsMarkupAsText_WhenTextContainsHtml()
    {
        const string text = "<img src=x onerror=alert(1)>";

        var cut = Render<MessageText>(parameters => parameters.Add(p => p.Text, text));

        cut.FindAll("img").ShouldBeEmpty();
        cut.Find("span.chat-text").TextContent.ShouldBe(text);
    }

    [Fact]
    public void Render_TurnsUrlIntoSafeAnchor_WhenTextContainsHttpsLink()
    {
        var cut = Render<MessageText>(parameters => parameters.Add(p => p.Text, "see https://example.com/a?b=1, then http://x.org."));

        var links = cut.FindAll("a");
        links.Select(a => a.GetAttribute("href")).ShouldBe(["https://example.com/a?b=1", "http://x.org"]);
        links.ShouldAllBe(a => a.GetAttribute("rel") == "noopener noreferrer nofollow" && a.GetAttribute("target") == "_blank");
        cut.Find("span.chat-text").TextContent.ShouldBe("see https://example.com/a?b=1, then http://x.org.");
    }

    [Fact]
    public void Render_LeavesSchemeAsText_WhenLinkIsNotHttp()
    {
        var cut = Render<MessageText>(parameters => parameters.Add(p => p.Text, "javascript:alert(1) ftp://example.com"));

        cut.FindAll("a").ShouldBeEmpty();
    }
}
