using System.Text;

namespace RealtimeApp.Tests.Features.Tracing.Support;

/// <summary>One export the <see cref="OtlpReceiver"/> got.</summary>
public sealed record OtlpRequest(string? ContentType, byte[] Body)
{
    /// <summary>Whether the protobuf body holds <paramref name="text"/> (span names and tag values are UTF-8 strings in it).</summary>
    public bool Holds(string text) => Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
