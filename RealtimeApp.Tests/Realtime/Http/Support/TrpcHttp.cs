using System.Net.Http.Headers;
using System.Text;
using RealtimeApp.Tests.Realtime.Support;

namespace RealtimeApp.Tests.Realtime.Http.Support;

/// <summary>Plain HTTP requests to <c>/api/trpc</c>, as any HTTP client would send them (no tRPC client).</summary>
public static class TrpcHttp
{
    public const string Base = "/api/trpc/";

    public static Task<HttpAnswer> GetTrpcAsync(this HttpClient client, string target, string? bearer = TestApiAuthenticator.AliceToken, Action<HttpRequestMessage>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(client);

        var request = new HttpRequestMessage(HttpMethod.Get, target);
        return client.SendTrpcAsync(request, bearer, configure);
    }

    public static Task<HttpAnswer> PostTrpcAsync(
        this HttpClient client, string target, string? body, string? contentType = "application/json", string? bearer = TestApiAuthenticator.AliceToken, Action<HttpRequestMessage>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(client);

        var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body ?? "")) };
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return client.SendTrpcAsync(request, bearer, configure);
    }

    /// <summary><c>?input=</c> as the official client writes it: <c>encodeURIComponent(JSON.stringify(input))</c>.</summary>
    public static string Input(string json) => Uri.EscapeDataString(json);

    public static async Task<HttpAnswer> SendTrpcAsync(this HttpClient client, HttpRequestMessage request, string? bearer, Action<HttpRequestMessage>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        configure?.Invoke(request);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new HttpAnswer(
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.ToString(),
            response.Content.Headers.Allow.Count > 0 ? string.Join(", ", response.Content.Headers.Allow) : null,
            response.Headers.Vary.Count > 0 ? string.Join(", ", response.Headers.Vary) : null,
            body);
    }
}
