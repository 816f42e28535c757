using Bunit;
using Microsoft.AspNetCore.Components;
using RealtimeApp.Domain.RateLimits;
using RealtimeApp.Tests.Components;
using RealtimeApp.Web.Features.RateLimits.Components;

namespace RealtimeApp.Tests.Features.RateLimits.Components;

public sealed class RateLimitFormTests : ShellTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly List<RateLimitValues> _saved = [];

    [Theory]
    [InlineData(0, "Messages per minute must be a whole number from 1 to 1,000,000.")]
    [InlineData(-1, "Messages per minute must be a whole number from 1 to 1,000,000.")]
    [InlineData(1_000_001, "Messages per minute must be a whole number from 1 to 1,000,000.")]
    public async Task Save_ShowsFieldMessageAndSavesNothing_WhenValueIsOutOfRange(int value, string message)
    {
        var form = RenderStaffDefault();

        Field(form, "Messages per minute").Input(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await form.Find("button:contains('Save')").ClickAsync(new());

        form.WaitForAssertion(() => form.Find(".mud-input-error").TextContent.ShouldContain(message), Wait);
        _saved.ShouldBeEmpty();
    }

    [Fact]
    public async Task Save_ShowsRequiredMessage_WhenRequiredFieldIsCleared()
    {
        var form = RenderStaffDefault();

        Field(form, "Messages per minute").Input(string.Empty);
        await form.Find("button:contains('Save')").ClickAsync(new());

        form.WaitForAssertion(() => form.Find(".mud-input-error").TextContent.ShouldContain("Messages per minute is required."), Wait);
        _saved.ShouldBeEmpty();
    }

    [Fact]
    public async Task Save_NamesEveryBadField_WhenSeveralAreWrong()
    {
        var form = RenderStaffDefault();

        Field(form, "Burst").Input("0");
        Field(form, "Connections per user").Input("100001");
        await form.Find("button:contains('Save')").ClickAsync(new());

        form.WaitForAssertion(() =>
        {
            var errors = form.FindAll(".mud-input-error").Select(e => e.TextContent).ToList();
            errors.ShouldContain(e => e.Contains("Burst must be a whole number from 1 to 10,000,000.", StringComparison.Ordinal));
            errors.ShouldContain(e => e.Contains("Connections per user must be a whole number from 1 to 100,000.", StringComparison.Ordinal));
        }, Wait);
        _saved.ShouldBeEmpty();
    }

    [Fact]
    public async Task Save_HandsOnValuesWithBlanksAsInherited_WhenEveryFieldIsValid()
    {
        var form = RenderStaffDefault();

        Field(form, "Messages per minute").Input("2");
        Field(form, "Burst").Input("50");
        await form.Find("button:contains('Save')").ClickAsync(new());

        form.WaitForAssertion(() => _saved.ShouldBe([new RateLimitValues(MessagesPerMinute: 2, Burst: 50)]), Wait);
    }

    [Fact]
    public void Render_ShowsWhatABlankFieldInherits_WhenFieldIsOptional()
    {
        var form = RenderStaffDefault();

        form.Markup.ShouldContain("Blank: 100 from the API default");
    }

    private IRenderedComponent<RateLimitForm> RenderStaffDefault() =>
        Render<RateLimitForm>(parameters => parameters
            .Add(p => p.Values, RateLimitDefaults.Seed.Staff)
            .Add(p => p.Fields, RateLimitRules.Fields)
            .Add(p => p.Required, RateLimitRules.RequiredFor(RateLimitSource.Staff))
            .Add(p => p.Inherited, field => $"Blank: {RateLimitDefaults.Seed.Api[field]} from the API default")
            .Add(p => p.OnSave, EventCallback.Factory.Create<RateLimitValues>(this, _saved.Add)));

    private static AngleSharp.Dom.IElement Field(IRenderedComponent<RateLimitForm> form, string label) =>
        form.FindAll(".mud-input-control")
            .Single(control => control.QuerySelector("label")?.TextContent.Trim().StartsWith(label, StringComparison.Ordinal) == true)
            .QuerySelector("input")!;
}
