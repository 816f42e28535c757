using System.Globalization;
using System.Text;
using System.Text.Json;
using RealtimeApp.Web.Realtime.Protocol;

namespace RealtimeApp.Web.Realtime.Http;

/// <summary>
/// The inputs of a request's calls, from <c>?input=</c> (GET) or the body (POST): the bare input, or for a batch an object
/// keyed by call index where a missing key means no input. Read lazily: a text that is not JSON fails only the calls
/// whose procedure takes an input (TRPC_HTTP_PROTOCOL §2.6).
/// </summary>
internal sealed class HttpInputs : IDisposable
{
    private readonly JsonDocument? _document;
    private readonly TrpcError? _error;
    private readonly bool _isBatch;

    private HttpInputs(JsonDocument? document, TrpcError? error, bool isBatch)
    {
        _document = document;
        _error = error;
        _isBatch = isBatch;
    }

    public static HttpInputs None { get; } = new(null, null, isBatch: false);

    /// <summary>Every call fails with <paramref name="error"/> (for example a body over the size limit).</summary>
    public static HttpInputs Failed(TrpcError error) => new(null, error, isBatch: false);

    /// <summary>The inputs of a GET: its <c>?input=</c> parameter (absent or empty: no input for any call).</summary>
    public static HttpInputs FromQuery(HttpRequestHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        return Parse(head.QueryInput is { Length: > 0 } input ? Encoding.UTF8.GetBytes(input) : default, head.IsBatch);
    }

    /// <summary>Parses <paramref name="utf8"/>; empty means no input for any call.</summary>
    public static HttpInputs Parse(ReadOnlyMemory<byte> utf8, bool isBatch)
    {
        if (utf8.IsEmpty)
        {
            return new(null, null, isBatch);
        }

        try
        {
            var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 64 });
            if (isBatch && document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                return new(null, new TrpcError(TrpcErrorCode.BadRequest, "\"input\" needs to be an object when doing a batch call"), isBatch);
            }

            if (UndecodableStrings.TryFind(utf8.Span, out var where))
            {
                document.Dispose();
                return new(null, new TrpcError(TrpcErrorCode.BadRequest, UndecodableStrings.Describe(where)), isBatch);
            }

            return new(document, null, isBatch);
        }
        catch (JsonException exception)
        {
            var message = string.Create(CultureInfo.InvariantCulture, $"input is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1})");
            return new(null, new TrpcError(TrpcErrorCode.BadRequest, message), isBatch);
        }
    }

    /// <summary>The input of call <paramref name="index"/> (null: none), or throws the error that fails it.</summary>
    public JsonElement? For(int index)
    {
        if (_error is { } error)
        {
            throw new TrpcException(error.Code, error.Message);
        }

        if (_document is null)
        {
            return null;
        }

        var root = _document.RootElement;
        if (!_isBatch)
        {
            return root;
        }

        return root.TryGetProperty(index.ToString(CultureInfo.InvariantCulture), out var input) ? input : null;
    }

    public void Dispose() => _document?.Dispose();
}
