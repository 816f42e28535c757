using System.Buffers;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Web.Realtime.Http;

/// <summary>Reads a POST body into the calls' inputs, refusing more than the limit (413 PAYLOAD_TOO_LARGE for every call).</summary>
internal static class HttpBody
{
    public static async Task<HttpInputs> ReadInputsAsync(HttpRequest request, bool isBatch, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(request);

        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is { } length ? (int)Math.Max(length, 1) : 4096);
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(4096), request.HttpContext.RequestAborted);
            if (read == 0)
            {
                return HttpInputs.Parse(buffer.WrittenMemory, isBatch);
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return TooLarge(maxBytes);
            }
        }
    }

    private static HttpInputs TooLarge(int maxBytes) =>
        HttpInputs.Failed(new TrpcError(TrpcErrorCode.PayloadTooLarge, $"The request body is larger than {maxBytes} bytes"));
}
