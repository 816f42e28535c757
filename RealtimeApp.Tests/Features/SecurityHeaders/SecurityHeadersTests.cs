using System.Net;
using System.Text.RegularExpressions;
using RealtimeApp.Web.Features.SecurityHeaders;

namespace RealtimeApp.Tests.Features.SecurityHeaders;

/// <summary>The headers on the start page, the login page and an error page (a 404 rendered by the status page).</summary>
public sealed partial class SecurityHeadersTests(SecurityHeadersApp app) : IClassFixture<SecurityHeadersApp>
{
    public static readonly TheoryData<string> HtmlPages = new() { "/", "/Account/Login", "/no-such-page" };

    [Fact]
    public async Task Pages_AreTheOnesMeant_WhenFetched()
    {
        (await app.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.GetAsync("/Account/Login")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.GetAsync("/no-such-page")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(HtmlPages))]
    public async Task ContentSecurityPolicy_AllowsOnlyTheAppsOwnOrigin_OnEveryHtmlPage(string path)
    {
        var response = await app.GetAsync(path);

        var policy = response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem();
        var directives = policy.Split("; ");
        directives.ShouldContain("default-src 'self'");
        directives.ShouldContain(d => ScriptSrcWithNonce().IsMatch(d), $"script-src: {policy}");
        directives.ShouldContain("style-src 'self' 'unsafe-inline'");
        directives.ShouldContain("img-src 'self' data:");
        directives.ShouldContain("connect-src 'self'");
        directives.ShouldContain("object-src 'none'");
        directives.ShouldContain("frame-ancestors 'self'");
        directives.ShouldContain("base-uri 'self'");
        directives.ShouldContain("form-action 'self'");
        policy.ShouldNotContain("unsafe-eval");
    }

    [Theory, MemberData(nameof(HtmlPages))]
    public async Task ContentSecurityPolicy_AdmitsEveryInlineScript_ByTheResponsesNonce(string path)
    {
        var response = await app.GetAsync(path);
        var nonce = ScriptSrcWithNonce().Match(response.Headers.GetValues("Content-Security-Policy").Single()).Groups[1].Value;

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var inlineScripts = ScriptTag().Matches(html).Select(m => WebUtility.HtmlDecode(m.Value)).Where(tag => !tag.Contains(" src=", StringComparison.Ordinal)).ToList();
        inlineScripts.ShouldNotBeEmpty("the import map is inline");
        inlineScripts.ShouldAllBe(tag => tag.Contains($"nonce=\"{nonce}\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ContentSecurityPolicy_HasANewNonce_ForEveryResponse()
    {
        var first = await app.FetchAsync("/");
        var second = await app.FetchAsync("/");

        Nonce(first).ShouldNotBe(Nonce(second));
        Convert.FromBase64String(Nonce(first)).Length.ShouldBe(16);
    }

    [Fact]
    public async Task ContentSecurityPolicy_IsLeftOut_WhenTheResponseIsNotHtml()
    {
        var response = await app.GetAsync("/healthz");

        response.Headers.Contains("Content-Security-Policy").ShouldBeFalse();
        response.Headers.Contains("X-Frame-Options").ShouldBeFalse();
    }

    [Theory, MemberData(nameof(HtmlPages))]
    [InlineData("/healthz")]
    [InlineData("/assets/app.css")]
    public async Task XContentTypeOptions_IsNosniff_OnEveryResponse(string path)
    {
        var response = await app.GetAsync(path);

        response.Headers.GetValues("X-Content-Type-Options").ShouldHaveSingleItem().ShouldBe("nosniff");
    }

    [Theory, MemberData(nameof(HtmlPages))]
    public async Task ReferrerPolicy_IsStrictOriginWhenCrossOrigin_OnEveryHtmlPage(string path)
    {
        var response = await app.GetAsync(path);

        response.Headers.GetValues("Referrer-Policy").ShouldHaveSingleItem().ShouldBe("strict-origin-when-cross-origin");
    }

    [Theory, MemberData(nameof(HtmlPages))]
    public async Task PermissionsPolicy_DeniesWhatTheAppNeverUses_OnEveryHtmlPage(string path)
    {
        var response = await app.GetAsync(path);

        var policy = response.Headers.GetValues("Permissions-Policy").ShouldHaveSingleItem();
        policy.ShouldBe(PermissionsPolicy.Value);
        policy.Split(", ").ShouldContain("camera=()");
        policy.Split(", ").ShouldContain("microphone=()");
        policy.Split(", ").ShouldContain("geolocation=()");
        policy.Split(", ").ShouldContain("payment=()");
        // Passkeys (Web Authentication) and copying a new API token (the clipboard) must keep working.
        policy.ShouldNotContain("publickey-credentials");
        policy.ShouldNotContain("clipboard");
    }

    [Theory, MemberData(nameof(HtmlPages))]
    public async Task XFrameOptions_IsSameOriginOnce_OnEveryHtmlPage(string path)
    {
        var response = await app.GetAsync(path);

        response.Headers.GetValues("X-Frame-Options").ShouldHaveSingleItem().ShouldBe("SAMEORIGIN");
    }

    [Theory, MemberData(nameof(HtmlPages))]
    public async Task StrictTransportSecurity_IsLeftOut_InDevelopment(string path)
    {
        var response = await app.GetAsync(path);

        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    private static string Nonce(HttpResponseMessage response) =>
        ScriptSrcWithNonce().Match(response.Headers.GetValues("Content-Security-Policy").Single()).Groups[1].Value;

    [GeneratedRegex("script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'")]
    private static partial Regex ScriptSrcWithNonce();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}
