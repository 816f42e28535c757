using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Testing;
using RealtimeApp.Tests.Support;

namespace RealtimeApp.Tests.Features.SecurityHeaders;

/// <summary>One app for the header tests: a signed-in administrator's client, an anonymous one, each page fetched once.</summary>
public sealed class SecurityHeadersApp : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Task<HttpResponseMessage>> _responses = new();
    private BrowserlessClient _signedIn = null!;
    private HttpClient _anonymous = null!;

    public RealtimeAppFactory Factory { get; } = new();

    public async ValueTask InitializeAsync()
    {
        _anonymous = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        _signedIn = BrowserlessClient.For(Factory);
        await _signedIn.LogInSuccessfullyAsync(RealtimeAppFactory.AdminEmail, RealtimeAppFactory.AdminPassword);
    }

    /// <summary>The response to a GET of <paramref name="path"/>, as the administrator (the login page: signed out), buffered.</summary>
    public Task<HttpResponseMessage> GetAsync(string path) =>
        _responses.GetOrAdd(path, p => FetchAsync(p));

    /// <summary>A fresh GET of <paramref name="path"/> as the administrator.</summary>
    public async Task<HttpResponseMessage> FetchAsync(string path)
    {
        var client = path.StartsWith("/Account/Login", StringComparison.Ordinal) ? _anonymous : _signedIn.Http;
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        await response.Content.LoadIntoBufferAsync(TestContext.Current.CancellationToken);
        return response;
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
