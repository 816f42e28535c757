using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace RealtimeApp.Web.Realtime.Http;

/// <summary>
/// Lets Kestrel read request lines of up to 16 KiB (its default is 8 KiB), as Node does: <c>httpBatchLink</c> puts every
/// query's input in the URL. The request line is read before any routing, so this holds for every path.
/// </summary>
internal sealed class RequestLineSetup : IConfigureOptions<KestrelServerOptions>
{
    public const int MaxRequestLineBytes = 16 * 1024;

    public void Configure(KestrelServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        options.Limits.MaxRequestLineSize = Math.Max(options.Limits.MaxRequestLineSize, MaxRequestLineBytes);
    }
}
