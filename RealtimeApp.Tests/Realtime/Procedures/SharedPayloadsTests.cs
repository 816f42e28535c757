using System.Text;
using RealtimeApp.Web.Realtime.Procedures;

namespace RealtimeApp.Tests.Realtime.Procedures;

public sealed class SharedPayloadsTests
{
    private sealed record Published(string Text);

    private sealed record Shown(string Text, int Length);

    private static readonly Func<Published, Shown> Show = p => new Shown(p.Text, p.Text.Length);
    private static readonly Func<Published, string> Upper = p => p.Text.ToUpperInvariant();

    [Fact]
    public void For_SerializesOnceAndSharesTheBytes_WhenEverySubscriberUsesTheSameProjection()
    {
        var published = new Published("héllo <b>");
        var calls = 0;

        var first = SharedPayloads.For(published, Show, (p, project) => { calls++; return project(p); });
        var second = SharedPayloads.For(published, Show, (p, project) => { calls++; return project(p); });

        second.ShouldBeSameAs(first);
        calls.ShouldBe(1);
        Encoding.UTF8.GetString(first.Utf8.Span).ShouldBe("""{"text":"héllo <b>","length":9}""");
    }

    [Fact]
    public void For_KeepsProjectionsApart_WhenTheyDiffer()
    {
        var published = new Published("abc");

        var shown = SharedPayloads.For(published, Show, static (p, project) => project(p));
        var upper = SharedPayloads.For(published, Upper, static (p, project) => project(p));

        Encoding.UTF8.GetString(shown.Utf8.Span).ShouldBe("""{"text":"abc","length":3}""");
        Encoding.UTF8.GetString(upper.Utf8.Span).ShouldBe("\"ABC\"");
    }

    [Fact]
    public void For_SerializesAgain_ForAnotherEvent()
    {
        var first = SharedPayloads.For(new Published("one"), Show, static (p, project) => project(p));
        var second = SharedPayloads.For(new Published("one"), Show, static (p, project) => project(p));

        second.ShouldNotBeSameAs(first);
    }
}
