using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Tests.Support;

namespace RealtimeApp.Tests.Features.SecurityHeaders;

/// <summary>
/// Outside Development: HSTS on HTTPS requests only (ASP.NET Core's <c>UseHsts</c>, which leaves out localhost, so the
/// requests name another host), and the headers on the error page after an exception cleared the response.
/// </summary>
public sealed class StrictTransportSecurityTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly RealtimeAppFactory _factory = new(
        new Dictionary<string, string?> { ["environment"] = "Production" },
        services => services.AddTransient<IStartupFilter, ThrowingEndpoint>());

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task StrictTransportSecurity_IsSent_WhenTheRequestIsHttps()
    {
        var client = _factory.CreateClient(new() { BaseAddress = new Uri("https://app.example.com/"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/Account/Login", Ct);

        response.Headers.GetValues("Strict-Transport-Security").ShouldHaveSingleItem().ShouldStartWith("max-age=");
    }

    [Fact]
    public async Task StrictTransportSecurity_IsLeftOut_WhenTheRequestIsHttp()
    {
        var client = _factory.CreateClient(new() { BaseAddress = new Uri("http://app.example.com/"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/Account/Login", Ct);

        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        response.Headers.Contains("Content-Security-Policy").ShouldBeTrue();
    }

    [Fact]
    public async Task ErrorPage_CarriesTheHeaders_WhenARequestFailed()
    {
        var client = _factory.CreateClient(new() { BaseAddress = new Uri("https://app.example.com/"), AllowAutoRedirect = false });

        var response = await client.GetAsync(ThrowingEndpoint.Path, Ct);

        ((int)response.StatusCode).ShouldBe(StatusCodes.Status500InternalServerError);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Something went wrong");
        response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem().ShouldContain("script-src 'self' 'nonce-");
        response.Headers.GetValues("X-Content-Type-Options").ShouldHaveSingleItem().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").ShouldHaveSingleItem().ShouldBe("strict-origin-when-cross-origin");
        response.Headers.Contains("Permissions-Policy").ShouldBeTrue();
        response.Headers.GetValues("X-Frame-Options").ShouldHaveSingleItem().ShouldBe("SAMEORIGIN");
        response.Headers.Contains("Strict-Transport-Security").ShouldBeTrue();
    }

    /// <summary>A path no endpoint answers that throws at the end of the app's pipeline, inside its exception handler.</summary>
    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public const string Path = "/test-only/throw";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate rest) =>
                context.Request.Path == Path ? throw new InvalidOperationException("Thrown by the test.") : rest(context));
        };
    }
}
